package dev.duro.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.CallCycleException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.grpc.internal.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call chain and deadline of a call made inside a turn travel to the host over gRPC. */
class CallContextPropagationTest {
  private static final NamespaceKey COUNTER = NamespaceKey.of("Counter");

  private final AtomicReference<CallContext> received = new AtomicReference<>();
  private GrpcServer server;
  private ManagedChannel channel;
  private DuroClient client;

  @BeforeEach
  void start() throws Exception {
    Invoker capturing =
        new Invoker() {
          @Override
          public CompletableFuture<byte[]> call(
              String namespace, ObjectId id, String method, byte[] request) {
            CallContext c = CallContext.current();
            received.set(c);
            String cycle = c.cycleTo(CallContext.reference(namespace, id));
            if (cycle != null) {
              return CompletableFuture.failedFuture(new CallCycleException("cycle " + cycle));
            }
            return CompletableFuture.completedFuture(new byte[0]);
          }
        };
    String name = InProcessServerBuilder.generateName();
    server =
        GrpcServer.create(
            InProcessServerBuilder.forName(name).directExecutor(),
            capturing,
            List.of(TestBinding.COUNTER));
    server.start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client = DuroClient.of(channel);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.shutdown(Duration.ofSeconds(10));
  }

  @Test
  void aCallOutsideAnyContextCarriesNothing() {
    client.callBlocking("Counter", COUNTER.idFromName("a"), "get", new byte[0]);
    assertTrue(received.get().chain().isEmpty());
    assertFalse(received.get().hasDeadline());
  }

  @Test
  void chainAndDeadlineReachTheHost() throws Exception {
    String caller = CallContext.reference("Other", NamespaceKey.of("Other").idFromName("x"));
    CallContext context = CallContext.of(List.of(caller)).withTimeout(Duration.ofMinutes(2));
    context.run(() -> client.callBlocking("Counter", COUNTER.idFromName("a"), "get", new byte[0]));
    assertEquals(List.of(caller), received.get().chain());
    assertTrue(received.get().hasDeadline());
    long remaining = received.get().remainingNanos();
    assertTrue(remaining > 0 && remaining <= Duration.ofMinutes(2).toNanos(), "" + remaining);
    // The async path carries them too.
    context.call(() -> client.call("Counter", COUNTER.idFromName("a"), "get", new byte[0])).get();
    assertEquals(List.of(caller), received.get().chain());
  }

  @Test
  void aCycleDetectedByTheHostReachesTheCallerAsCallCycleException() {
    ObjectId a = COUNTER.idFromName("a");
    CallContext context = CallContext.of(List.of(CallContext.reference("Counter", a)));
    CallCycleException e =
        assertThrows(
            CallCycleException.class,
            () -> context.run(() -> client.callBlocking("Counter", a, "get", new byte[0])));
    assertTrue(e.getMessage().contains(CallContext.reference("Counter", a)), e.getMessage());
  }

  @Test
  void aMalformedChainHeaderIsRejected() {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("x-duro-call-chain", Metadata.ASCII_STRING_MARSHALLER), "not an entry");
    DuroClient raw =
        DuroClient.of(
            io.grpc.ClientInterceptors.intercept(
                channel, MetadataUtils.newAttachHeadersInterceptor(headers)));
    try {
      Throwable t =
          assertThrows(
              RuntimeException.class,
              () -> raw.callBlocking("Counter", COUNTER.idFromName("a"), "get", new byte[0]));
      assertInstanceOf(InvalidRequestException.class, t);
      assertTrue(t.getMessage().contains("x-duro-call-chain"), t.getMessage());
    } finally {
      raw.close();
    }
  }
}
