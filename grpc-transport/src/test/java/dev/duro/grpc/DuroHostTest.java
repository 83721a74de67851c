package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.binding.NamespaceKey;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ServerCalls;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole host: the real runtime on disk behind the gRPC server. */
class DuroHostTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("c");

  @TempDir Path data;
  @TempDir Path other;

  private DuroHost startHost() throws Exception {
    return DuroHost.builder()
        .dataDirectory(data)
        .port(0)
        .bindings(List.of(new DurableCounter.Binding()))
        .build()
        .start();
  }

  @Test
  void servesCallsAndKeepsStateAcrossRestarts() throws Exception {
    DuroHost host = startHost();
    try (DuroClient client = DuroClient.connect("127.0.0.1:" + host.port())) {
      assertEquals(5, readLong(client.callBlocking("Counter", ID, "increment", longRequest(5))));
      assertEquals(7, readLong(client.call("Counter", ID, "increment", longRequest(2)).get()));

      RemoteFailureException e =
          assertThrows(
              RemoteFailureException.class,
              () -> client.callBlocking("Counter", ID, "fail", new byte[0]));
      assertEquals("java.lang.IllegalArgumentException", e.remoteType());
      assertEquals("nope ü", e.remoteMessage());
      assertEquals(7, readLong(client.callBlocking("Counter", ID, "get", new byte[0])));

      // A truncated varint: the runtime refuses to decode it and runs nothing.
      assertThrows(
          InvalidRequestException.class,
          () -> client.callBlocking("Counter", ID, "increment", new byte[] {0x08}));
      assertEquals(7, readLong(client.callBlocking("Counter", ID, "get", new byte[0])));
    } finally {
      host.close();
    }
    assertTrue(host.awaitTermination(Duration.ofSeconds(30)));

    DuroHost again = startHost();
    try (DuroClient client = DuroClient.connect("127.0.0.1:" + again.port())) {
      assertEquals(7, readLong(client.callBlocking("Counter", ID, "get", new byte[0])));
      // The in-process invoker reaches the same objects.
      assertEquals(7, readLong(again.invoker().callBlocking("Counter", ID, "get", new byte[0])));
    } finally {
      again.close();
    }
  }

  @Test
  void healthIsServingWhileStarted() throws Exception {
    try (DuroHost host = startHost()) {
      ManagedChannel channel =
          Grpc.newChannelBuilder("127.0.0.1:" + host.port(), InsecureChannelCredentials.create())
              .build();
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        for (String service : List.of("", "Counter")) {
          assertEquals(
              ServingStatus.SERVING,
              health
                  .check(HealthCheckRequest.newBuilder().setService(service).build())
                  .getStatus());
        }
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void closedHostRefusesCalls() throws Exception {
    DuroHost host = startHost();
    int port = host.port();
    host.close();
    host.close(); // idempotent

    try (DuroClient client = DuroClient.connect("127.0.0.1:" + port)) {
      assertThrows(
          TransportException.class, () -> client.callBlocking("Counter", ID, "get", new byte[0]));
    }
    assertThrows(IllegalStateException.class, host::start);
  }

  @Test
  void configureServerAddsServices() throws Exception {
    var echo = ErrorMappingTest.rawMethod("Extra/echo");
    ServerServiceDefinition extra =
        ServerServiceDefinition.builder(
                ServiceDescriptor.newBuilder("Extra").addMethod(echo).build())
            .addMethod(
                echo,
                ServerCalls.asyncUnaryCall(
                    (request, reply) -> {
                      reply.onNext(request);
                      reply.onCompleted();
                    }))
            .build();
    try (DuroHost host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(new DurableCounter.Binding()))
            .configureServer(server -> server.addService(extra))
            .build()
            .start()) {
      ManagedChannel channel =
          Grpc.newChannelBuilder("127.0.0.1:" + host.port(), InsecureChannelCredentials.create())
              .build();
      try {
        byte[] reply =
            ErrorMappingTest.rawCall(channel, "Extra/echo", null, null, new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, reply);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void portInUseFailsStartAndTheHostCanStillBeClosed() throws Exception {
    try (DuroHost first = startHost();
        DuroHost second =
            DuroHost.builder()
                .dataDirectory(other)
                .port(first.port())
                .bindings(List.of(new DurableCounter.Binding()))
                .build()) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, second::start);
      assertTrue(e.getMessage().contains("Cannot bind port " + first.port()), e.getMessage());
      assertThrows(IllegalStateException.class, second::port);
    }
  }

  @Test
  void builderValidates() throws Exception {
    IllegalStateException noData =
        assertThrows(IllegalStateException.class, () -> DuroHost.builder().build());
    assertTrue(noData.getMessage().contains("dataDirectory(Path)"), noData.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DuroHost.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> DuroHost.builder().port(65536));
    assertThrows(
        IllegalArgumentException.class,
        () -> DuroHost.builder().shutdownTimeout(Duration.ofSeconds(-1)));

    try (DuroHost unstarted =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(new DurableCounter.Binding()))
            .build()) {
      assertThrows(IllegalStateException.class, unstarted::port);
    }
  }
}
