package dev.duro.grpc.internal;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;

/**
 * The gRPC shape of a Duro method: service = namespace, one method per {@code @Rpc}: unary, or
 * server-streaming for a method taking an {@code EventSink}.
 */
final class MethodDescriptors {
  private MethodDescriptors() {}

  /** The unary {@code byte[]} method {@code namespace/method}. */
  static MethodDescriptor<byte[], byte[]> unary(String namespace, String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(namespace, method))
        .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
        .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
        .build();
  }

  /** The server-streaming {@code byte[]} method {@code namespace/method}. */
  static MethodDescriptor<byte[], byte[]> serverStreaming(String namespace, String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodType.SERVER_STREAMING)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(namespace, method))
        .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
        .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
        .build();
  }
}
