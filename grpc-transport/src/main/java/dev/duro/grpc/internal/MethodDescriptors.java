package dev.duro.grpc.internal;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;

/** The gRPC shape of a Duro method: service = namespace, one unary method per {@code @Rpc}. */
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
}
