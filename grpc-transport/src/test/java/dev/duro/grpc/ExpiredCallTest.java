package dev.duro.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DeadlineExceededException;
import dev.duro.binding.NamespaceKey;
import dev.duro.grpc.internal.GrpcServer;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call whose deadline passed before it reached the handler is not run. */
class ExpiredCallTest {
  @Test
  void callExpiredBeforeTheHandlerIsNotRun() throws Exception {
    CountDownLatch handed = new CountDownLatch(1);
    // Holds each call back until its deadline has passed, then lets it through.
    ServerInterceptor stall =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
              @Override
              public void onHalfClose() {
                CountDownLatch expired = new CountDownLatch(1);
                Context.current().addListener(c -> expired.countDown(), Runnable::run);
                try {
                  assertTrue(expired.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                super.onHalfClose();
                handed.countDown();
              }

              @Override
              public void onCancel() {
                // Under load the deadline can pass before the request is even half-closed: the
                // handler then never sees it, which is the same outcome, so the test ends here too.
                super.onCancel();
                handed.countDown();
              }
            };
          }
        };
    String name = InProcessServerBuilder.generateName();
    FakeInvoker invoker = new FakeInvoker();
    // Default (pooled) executor: the stalling interceptor blocks its thread.
    GrpcServer server =
        GrpcServer.create(
            InProcessServerBuilder.forName(name).intercept(stall),
            invoker,
            List.of(TestBinding.COUNTER));
    server.start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try {
      DuroClient client = DuroClient.of(ClientInterceptors.intercept(channel, deadline(100)));

      assertThrows(
          DeadlineExceededException.class,
          () ->
              client.callBlocking(
                  "Counter",
                  NamespaceKey.of("Counter").idFromName("a"),
                  "increment",
                  FakeInvoker.longRequest(1)));

      assertTrue(
          handed.await(30, TimeUnit.SECONDS),
          "the call neither reached the handler nor was cancelled");
      assertEquals(0, invoker.calls.get());
    } finally {
      channel.shutdownNow();
      server.shutdown(Duration.ofSeconds(10));
      invoker.close();
    }
  }

  private static ClientInterceptor deadline(long millis) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS));
      }
    };
  }
}
