package dev.duro.grpc.internal;

import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server for objects: one service per binding, grpc-java's reflection service ({@code
 * grpc.reflection.v1.ServerReflection}, describing every object service whose class has a generated
 * schema), plus grpc-java's health service, which reports {@code SERVING} for the server ({@code
 * ""}) and for each namespace while started and {@code NOT_SERVING} from the start of shutdown.
 * Used by {@code DuroHost}; thread-safe.
 */
public final class GrpcServer {
  private final Server server;
  private final HealthStatusManager health;
  private final List<String> namespaces;

  private GrpcServer(Server server, HealthStatusManager health, List<String> namespaces) {
    this.server = server;
    this.health = health;
    this.namespaces = namespaces;
  }

  /**
   * Adds the object services and the health service to {@code builder} and builds the server (not
   * started). The builder's other settings (executor, keepalive, extra services) are the caller's.
   */
  public static GrpcServer create(
      ServerBuilder<?> builder, Invoker invoker, Collection<? extends ObjectBinding<?>> bindings) {
    HealthStatusManager health = new HealthStatusManager();
    // Not serving until start() says so: a health probe must not pass before the port is bound.
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.NOT_SERVING);
    List<String> namespaces = new ArrayList<>();
    for (ServerServiceDefinition service : ObjectServices.create(invoker, bindings)) {
      builder.addService(service);
      namespaces.add(service.getServiceDescriptor().getName());
    }
    builder.addService(health.getHealthService());
    // Lists and describes the object services that carry a schema (grpcurl, Postman, ...).
    builder.addService(ProtoReflectionServiceV1.newInstance());
    return new GrpcServer(builder.build(), health, List.copyOf(namespaces));
  }

  /** Binds and starts serving; health turns {@code SERVING}. */
  public void start() throws IOException {
    server.start();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    for (String namespace : namespaces) {
      health.setStatus(namespace, ServingStatus.SERVING);
    }
  }

  /** The bound port, or -1 for a transport without ports (in-process). */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops accepting calls (health turns {@code NOT_SERVING}), waits up to {@code grace} for calls
   * in flight to finish, then cancels the rest. Keeps the thread's interrupt flag.
   */
  public void shutdown(Duration grace) {
    shutdown(grace, () -> {});
  }

  /**
   * Like {@link #shutdown(Duration)}, running {@code refusing} once new calls are refused and
   * before waiting: a host ends its open streams there, which would otherwise hold the wait to the
   * end.
   */
  public void shutdown(Duration grace, Runnable refusing) {
    health.enterTerminalState();
    server.shutdown();
    refusing.run();
    boolean interrupted = false;
    try {
      if (!server.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      server.shutdownNow();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
