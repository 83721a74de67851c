package dev.duro.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.ObjectId;
import dev.duro.UnauthenticatedException;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.grpc.internal.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link UnauthenticatedException} maps to {@code UNAUTHENTICATED} and back, both ways. */
class UnauthenticatedMappingTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("a");
  private static final String MESSAGE = "who are you? ünïcödé 100%";

  @Test
  void anInvokerRefusalKeepsClassMessageAndWireStatus() throws Exception {
    Invoker refusing =
        new Invoker() {
          @Override
          public CompletableFuture<byte[]> call(
              String namespace, ObjectId id, String method, byte[] request) {
            return CompletableFuture.failedFuture(new UnauthenticatedException(MESSAGE));
          }
        };
    String name = InProcessServerBuilder.generateName();
    GrpcServer server =
        GrpcServer.create(
            InProcessServerBuilder.forName(name).directExecutor(),
            refusing,
            List.of(TestBinding.COUNTER));
    server.start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      DuroClient client = DuroClient.of(channel);

      UnauthenticatedException blocking =
          assertThrows(
              UnauthenticatedException.class,
              () -> client.callBlocking("Counter", ID, "get", new byte[0]));
      assertEquals(MESSAGE, blocking.getMessage());
      ExecutionException async =
          assertThrows(
              ExecutionException.class,
              () -> client.call("Counter", ID, "get", new byte[0]).get(10, TimeUnit.SECONDS));
      assertEquals(
          MESSAGE, assertInstanceOf(UnauthenticatedException.class, async.getCause()).getMessage());

      // A generic gRPC client sees the standard code and the Duro kind.
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("x-duro-object-id", Metadata.ASCII_STRING_MARSHALLER), ID.toString());
      StatusRuntimeException raw =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  ClientCalls.blockingUnaryCall(
                      io.grpc.ClientInterceptors.intercept(
                          channel, io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers)),
                      ErrorMappingTest.rawMethod("Counter/get"),
                      io.grpc.CallOptions.DEFAULT,
                      new byte[0]));
      assertEquals(Status.Code.UNAUTHENTICATED, raw.getStatus().getCode());
      assertEquals(
          "unauthenticated",
          raw.getTrailers()
              .get(Metadata.Key.of("duro-error-kind", Metadata.ASCII_STRING_MARSHALLER)));
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      server.shutdown(Duration.ofSeconds(10));
    }
  }

  @Test
  void aBareUnauthenticatedStatusMapsByCode() throws Exception {
    try (BareServer bare = new BareServer()) {
      DuroClient client = DuroClient.of(bare.channel);
      byte[] request = {(byte) Status.Code.UNAUTHENTICATED.value()};

      UnauthenticatedException e =
          assertThrows(
              UnauthenticatedException.class,
              () ->
                  client.callBlocking(
                      "Bare", NamespaceKey.of("Bare").idFromName("x"), "m", request));
      assertEquals("Call Bare/m failed: UNAUTHENTICATED: bare UNAUTHENTICATED", e.getMessage());
    }
  }
}
