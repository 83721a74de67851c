package dev.duro.grpc;

import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import dev.duro.grpc.internal.ObjectServices;
import io.grpc.ServerServiceDefinition;
import java.util.Collection;
import java.util.List;

/**
 * Builds the gRPC services of a Duro host, for embedding objects into a server you build yourself
 * ({@link DuroHost} does this for you). See the {@linkplain dev.duro.grpc package documentation}
 * for the wire protocol and the error mapping.
 *
 * <pre>{@code
 * ServerBuilder<?> builder = ServerBuilder.forPort(7070).directExecutor();
 * DuroGrpcServices.create(runtime.invoker(), runtime.bindings()).forEach(builder::addService);
 * Server server = builder.build().start();
 * }</pre>
 */
public final class DuroGrpcServices {
  private DuroGrpcServices() {}

  /**
   * One service per binding, named by its namespace, with one unary method per {@code @Rpc} method.
   * Each call is checked (object address, see the package documentation) and passed to {@code
   * invoker}; the reply is sent when the invoker's future completes. The handlers never block, so
   * the server may use {@code directExecutor()} provided {@code invoker.call} does not block
   * either.
   *
   * @param invoker runs the calls; typically the host runtime's invoker
   * @param bindings the object classes to serve
   * @throws IllegalArgumentException if a namespace name is invalid, two bindings share a
   *     namespace, or a binding lists a method twice
   */
  public static List<ServerServiceDefinition> create(
      Invoker invoker, Collection<? extends ObjectBinding<?>> bindings) {
    return ObjectServices.create(invoker, bindings);
  }
}
