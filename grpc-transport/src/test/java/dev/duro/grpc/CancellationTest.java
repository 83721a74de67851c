package dev.duro.grpc;

import static dev.duro.grpc.CallObserver.await;
import static dev.duro.grpc.FakeInvoker.readLong;
import static dev.duro.grpc.GateObject.GATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DeadlineExceededException;
import dev.duro.ObjectId;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that waits in an object's queue and is cancelled (by its client, by a disconnect, or by
 * its deadline) before its turn starts never runs; the calls behind it still do. Real runtime, real
 * HTTP/2.
 */
class CancellationTest {
  private static final ObjectId G = GATE.idFromName("g");
  private static final byte[] EMPTY = new byte[0];

  @TempDir Path data;

  private final GateObject.Binding gate = new GateObject.Binding();
  private final CallObserver observer = new CallObserver();
  private DuroHost host;
  private DuroClient client;

  @BeforeEach
  void start() {
    host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(gate))
            .configureServer(server -> server.intercept(observer))
            .build()
            .start();
    client = DuroClient.connect("127.0.0.1:" + host.port());
  }

  @AfterEach
  void stop() {
    gate.release.countDown();
    client.close();
    host.close();
  }

  /** Blocks object g with a turn, so later calls to it wait in its queue. */
  private CompletableFuture<byte[]> holdTheObject() throws InterruptedException {
    CompletableFuture<byte[]> hold = client.call("Gate", G, "hold", EMPTY);
    assertTrue(gate.holding.await(60, TimeUnit.SECONDS), "hold turn did not start");
    await(observer.handed, 1, "hold handed to the runtime");
    return hold;
  }

  /** Releases the held turn and proves, with a later call, that the queue behind it ran. */
  private void releaseAndExpectOneMark(CompletableFuture<byte[]> hold) throws Exception {
    CompletableFuture<byte[]> after = client.call("Gate", G, "mark", EMPTY);
    await(observer.handed, 1, "the later call handed to the runtime");
    gate.release.countDown();
    hold.get(60, TimeUnit.SECONDS);
    // Turns run in order: the later call's reply means the cancelled one's turn came and went.
    assertEquals(1, readLong(after.get(60, TimeUnit.SECONDS)), "the cancelled call ran");
    assertEquals(1, gate.marks.get());
  }

  @Test
  void callCancelledByTheClientWhileQueuedNeverRuns() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    CompletableFuture<byte[]> queued = client.call("Gate", G, "mark", EMPTY);
    await(observer.handed, 1, "the queued call handed to the runtime");

    assertTrue(queued.cancel(true));
    await(observer.cancelled, 1, "the server seeing the cancellation");

    releaseAndExpectOneMark(hold);
    assertTrue(queued.isCancelled());
  }

  @Test
  void inProcessCallCancelledWhileQueuedNeverRuns() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    // The runtime's own invoker: the call is in the object's queue when call() returns.
    CompletableFuture<byte[]> queued = host.invoker().call("Gate", G, "mark", EMPTY);
    assertTrue(queued.cancel(false));

    releaseAndExpectOneMark(hold);
  }

  @Test
  void callWhoseClientDisconnectsWhileQueuedNeverRuns() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    ManagedChannel other =
        Grpc.newChannelBuilder("127.0.0.1:" + host.port(), InsecureChannelCredentials.create())
            .build();
    CompletableFuture<byte[]> queued = DuroClient.of(other).call("Gate", G, "mark", EMPTY);
    await(observer.handed, 1, "the queued call handed to the runtime");

    other.shutdownNow();
    await(observer.cancelled, 1, "the server seeing the disconnect");

    releaseAndExpectOneMark(hold);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> queued.get(60, TimeUnit.SECONDS));
    assertInstanceOf(dev.duro.TransportException.class, e.getCause());
    assertTrue(other.awaitTermination(60, TimeUnit.SECONDS));
  }

  @Test
  void callWhoseDeadlinePassesWhileQueuedNeverRuns() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    DuroClient hasty = client.withDeadline(Duration.ofMillis(200));

    assertThrows(
        DeadlineExceededException.class, () -> hasty.callBlocking("Gate", G, "mark", EMPTY));
    // The host ends the call either way: gRPC cancels it at the deadline, or the runtime's own
    // deadline fails it first; the call stays queued behind the held turn in both cases.
    await(observer.closed, 1, "the server ending the expired call");
    // Under load the deadline may pass before the handler even sees the call; either way it is
    // over now, so a later permit belongs to the later call.
    observer.handed.drainPermits();

    releaseAndExpectOneMark(hold);
  }

  @Test
  void uncancelledQueuedCallsAllRun() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    List<CompletableFuture<byte[]>> queued =
        List.of(
            client.call("Gate", G, "mark", EMPTY),
            client.withDeadline(Duration.ofMinutes(5)).call("Gate", G, "mark", EMPTY),
            client.call("Gate", G, "mark", EMPTY));
    await(observer.handed, 3, "the queued calls handed to the runtime");
    gate.release.countDown();
    hold.get(60, TimeUnit.SECONDS);
    for (int i = 0; i < queued.size(); i++) {
      assertEquals(i + 1, readLong(queued.get(i).get(60, TimeUnit.SECONDS)));
    }
    assertEquals(3, gate.marks.get());
  }

  @Test
  void manyThreadsCancellingHalfTheirQueuedCallsRunExactlyTheOtherHalf() throws Exception {
    CompletableFuture<byte[]> hold = holdTheObject();
    int threads = 8;
    int callsPerThread = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<List<CompletableFuture<byte[]>>> sent = new CopyOnWriteArrayList<>();
    List<CompletableFuture<byte[]>> kept = new CopyOnWriteArrayList<>();
    List<CompletableFuture<byte[]>> cancelled = new CopyOnWriteArrayList<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        DuroClient c = t % 2 == 0 ? client : client.withDeadline(Duration.ofMinutes(5));
        done.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<byte[]>> mine = new ArrayList<>();
                  for (int i = 0; i < callsPerThread; i++) {
                    mine.add(c.call("Gate", G, "mark", EMPTY));
                  }
                  sent.add(mine);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      // All queued in the runtime, so each cancellation below reaches a waiting call.
      await(observer.handed, threads * callsPerThread, "every call handed to the runtime");
      done.clear();
      for (List<CompletableFuture<byte[]>> mine : sent) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < mine.size(); i++) {
                    if (i % 2 == 1 && mine.get(i).cancel(true)) {
                      cancelled.add(mine.get(i));
                    } else {
                      kept.add(mine.get(i));
                    }
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
    assertEquals(threads * callsPerThread, kept.size() + cancelled.size());
    // Every cancellation has gone through the server before the held turn ends.
    await(observer.cancelled, cancelled.size(), "the server seeing every cancellation");
    gate.release.countDown();
    hold.get(60, TimeUnit.SECONDS);

    Set<Long> replies = new HashSet<>();
    for (CompletableFuture<byte[]> call : kept) {
      assertTrue(replies.add(readLong(call.get(60, TimeUnit.SECONDS))), "a mark ran twice");
    }
    assertEquals(kept.size(), gate.marks.get(), "cancelled calls ran");
    for (long n = 1; n <= kept.size(); n++) {
      assertTrue(replies.contains(n), "missing reply " + n);
    }
    // Nothing could complete while the object was held: every cancel took effect.
    assertEquals(threads * callsPerThread / 2, cancelled.size());
  }
}
