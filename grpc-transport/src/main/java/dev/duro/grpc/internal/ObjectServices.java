package dev.duro.grpc.internal;

import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds one gRPC service per object class. Used by {@code dev.duro.grpc}. */
public final class ObjectServices {
  private ObjectServices() {}

  /**
   * One service per binding, named by its namespace, with one {@code byte[]} method per
   * {@code @Rpc} method (server-streaming for streaming methods), each checking the object address
   * first and then calling {@code invoker}.
   *
   * @throws IllegalArgumentException if a namespace name is invalid, two bindings share a
   *     namespace, a binding lists a method twice, or an object class's generated schema resource
   *     is malformed
   */
  public static List<ServerServiceDefinition> create(
      Invoker invoker, Collection<? extends ObjectBinding<?>> bindings) {
    Objects.requireNonNull(invoker, "invoker");
    Map<String, ObjectBinding<?>> seen = new HashMap<>();
    List<ServerServiceDefinition> services = new ArrayList<>(bindings.size());
    for (ObjectBinding<?> binding : bindings) {
      String namespace = binding.namespace();
      ObjectBinding<?> previous = seen.putIfAbsent(namespace, binding);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Namespace "
                + namespace
                + " is bound twice: by "
                + previous.objectClass().getName()
                + " and by "
                + binding.objectClass().getName());
      }
      services.add(service(invoker, binding));
    }
    return List.copyOf(services);
  }

  private static ServerServiceDefinition service(Invoker invoker, ObjectBinding<?> binding) {
    String namespace = binding.namespace();
    NamespaceKey key = NamespaceKey.of(namespace);
    List<String> names = List.copyOf(binding.methodNames());
    List<MethodDescriptor<byte[], byte[]>> methods = new ArrayList<>(names.size());
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(namespace);
    // The processor's schema, if the class has one, lets gRPC reflection describe the service.
    ObjectSchemas.Supplier schema = ObjectSchemas.schema(binding);
    if (schema != null) {
      descriptor.setSchemaDescriptor(schema);
    }
    for (String method : names) {
      MethodDescriptor<byte[], byte[]> md =
          binding.isStream(method)
              ? MethodDescriptors.serverStreaming(namespace, method)
              : MethodDescriptors.unary(namespace, method);
      methods.add(md);
      descriptor.addMethod(md);
    }
    // ServiceDescriptor.build() rejects a method listed twice.
    ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(descriptor.build());
    ObjectIdInterceptor streamAddress = new ObjectIdInterceptor(key);
    for (int i = 0; i < names.size(); i++) {
      MethodDescriptor<byte[], byte[]> md = methods.get(i);
      if (md.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
        ServerCallHandler<byte[], byte[]> stream =
            ServerCalls.asyncServerStreamingCall(
                new ObjectStreamHandler(invoker, namespace, names.get(i)));
        service.addMethod(
            md, (call, headers) -> streamAddress.interceptCall(call, headers, stream));
      } else {
        // Unary calls, the hot path, read the address themselves (see ObjectCallHandler).
        service.addMethod(md, new ObjectCallHandler(invoker, key, names.get(i)));
      }
    }
    return service.build();
  }
}
