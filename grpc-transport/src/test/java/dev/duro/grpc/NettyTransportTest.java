package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.binding.NamespaceKey;
import dev.duro.grpc.internal.GrpcServer;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same services over real HTTP/2 on the loopback interface. */
class NettyTransportTest {
  private static final NamespaceKey COUNTER = NamespaceKey.of("Counter");

  private FakeInvoker invoker;
  private GrpcServer server;
  private DuroClient client;

  @BeforeEach
  void start() throws Exception {
    invoker = new FakeInvoker();
    server =
        GrpcServer.create(
            NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).directExecutor(),
            invoker,
            List.of(TestBinding.COUNTER, TestBinding.CART));
    server.start();
    client = DuroClient.connect("127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown(Duration.ofSeconds(10));
    invoker.close();
  }

  @Test
  void manyThreadsManyCallsEndWithExactTotals() throws Exception {
    int threads = 16;
    int callsPerThread = 300;
    int objects = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean blocking = t % 2 == 0;
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  // Async threads keep up to 32 calls in flight; all replies are checked.
                  Semaphore window = new Semaphore(32);
                  List<CompletableFuture<byte[]>> replies = new ArrayList<>();
                  for (int i = 0; i < callsPerThread; i++) {
                    ObjectId id = COUNTER.idFromName("obj-" + ((thread + i) % objects));
                    byte[] request = longRequest(1 + i % 3);
                    if (blocking) {
                      assertTrue(
                          readLong(client.callBlocking("Counter", id, "increment", request)) > 0);
                    } else {
                      window.acquireUninterruptibly();
                      CompletableFuture<byte[]> reply =
                          client.call("Counter", id, "increment", request);
                      reply.whenComplete((r, e) -> window.release());
                      replies.add(reply);
                    }
                  }
                  for (CompletableFuture<byte[]> reply : replies) {
                    assertTrue(readLong(reply.join()) > 0);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    long[] expected = new long[objects];
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < callsPerThread; i++) {
        expected[(t + i) % objects] += 1 + i % 3;
      }
    }
    long total = 0;
    for (int k = 0; k < objects; k++) {
      ObjectId id = COUNTER.idFromName("obj-" + k);
      assertEquals(expected[k], invoker.count("Counter", id), "object " + k);
      assertEquals(expected[k], readLong(client.callBlocking("Counter", id, "get", new byte[0])));
      total += expected[k];
    }
    assertEquals(threads * callsPerThread + objects, invoker.calls.get());
    assertTrue(total > 0);
  }

  @Test
  void namesAndErrorsSurviveHttp2() {
    for (String name : List.of("café ☕ 50%", "", " spaced ", "tab\there")) {
      ObjectId id = COUNTER.idFromName(name);
      assertEquals(5, readLong(client.callBlocking("Counter", id, "increment", longRequest(5))));
      assertEquals(5, invoker.count("Counter", id), name);
    }

    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () ->
                client.callBlocking(
                    "Counter",
                    COUNTER.idFromName("x"),
                    "fail",
                    FakeInvoker.failRequest("remote", "non-ASCII ✓ ü", "a.Ü")));
    assertEquals("a.Ü", e.remoteType());
    assertEquals("non-ASCII ✓ ü", e.remoteMessage());
  }

  @Test
  void healthServiceAnswersServing() {
    ManagedChannel channel =
        Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create())
            .build();
    try {
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
      assertEquals(
          ServingStatus.SERVING,
          health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus());
      assertEquals(
          ServingStatus.SERVING,
          health
              .check(HealthCheckRequest.newBuilder().setService("shop.Cart").build())
              .getStatus());
      StatusRuntimeException unknown =
          assertThrows(
              StatusRuntimeException.class,
              () -> health.check(HealthCheckRequest.newBuilder().setService("Nope").build()));
      assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void unreachableHostIsTransportException() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    try (DuroClient nowhere = DuroClient.connect("127.0.0.1:" + freePort)) {
      ObjectId id = COUNTER.idFromName("a");

      TransportException blocking =
          assertThrows(
              TransportException.class,
              () -> nowhere.callBlocking("Counter", id, "get", new byte[0]));
      assertTrue(blocking.getMessage().contains("UNAVAILABLE"), blocking.getMessage());
      CompletableFuture<byte[]> async = nowhere.call("Counter", id, "get", new byte[0]);
      Throwable cause =
          assertThrows(Exception.class, () -> async.get(30, TimeUnit.SECONDS)).getCause();
      assertEquals(TransportException.class, cause.getClass());
    }
  }
}
