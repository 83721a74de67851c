package dev.duro.grpc.internal;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The identity marshaller: requests and replies are already protobuf messages, encoded by generated
 * code, so gRPC carries them as they are.
 */
enum ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  INSTANCE;

  @Override
  public InputStream stream(byte[] value) {
    // gRPC treats a ByteArrayInputStream as known-length and frames it without another copy.
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      if (stream instanceof KnownLength) {
        // available() is exact for gRPC's known-length streams: allocate once instead of growing.
        byte[] bytes = new byte[stream.available()];
        int read = stream.readNBytes(bytes, 0, bytes.length);
        if (read == bytes.length && stream.read() == -1) {
          return bytes;
        }
        throw new IOException("Message length changed while reading");
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("Cannot read message: " + e.getMessage())
          .withCause(e)
          .asRuntimeException();
    }
  }
}
