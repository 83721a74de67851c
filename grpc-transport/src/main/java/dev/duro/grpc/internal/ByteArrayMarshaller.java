package dev.duro.grpc.internal;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The identity marshaller: requests and replies are already protobuf messages, encoded by generated
 * code, so gRPC carries them as they are. Public only so that the benchmark's bare echo uses
 * exactly this marshaller.
 */
public enum ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  INSTANCE;

  @Override
  public InputStream stream(byte[] value) {
    return new Message(value);
  }

  /**
   * Known-length and drainable: gRPC frames it with one bulk write. A plain ByteArrayInputStream
   * goes through Guava's ByteStreams.copy, which allocates an 8 KiB buffer for every message (a
   * third of the host's CPU samples in the loopback benchmark).
   */
  private static final class Message extends ByteArrayInputStream
      implements Drainable, KnownLength {
    Message(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int n = count - pos;
      target.write(buf, pos, n);
      pos = count;
      return n;
    }
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
