package dev.duro.samples.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter over real gRPC on loopback, hosted durably on disk. */
class CounterGrpcTest {
  @TempDir Path dir;

  @Test
  void thousandConcurrentIncrementsFromSixteenThreadsEndAtExactlyThousand() throws Exception {
    int threads = 16;
    int total = 1_000;
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      CounterStub c = CounterNamespace.of(client).get("contended");
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int calls = total / threads + (t < total % threads ? 1 : 0);
          results.add(
              pool.submit(
                  () -> {
                    long last = 0;
                    for (int i = 0; i < calls; i++) {
                      long v = c.increment(1);
                      if (v <= last) {
                        throw new AssertionError("replies of one thread went backwards");
                      }
                      last = v;
                    }
                    return last;
                  }));
        }
        long max = 0;
        for (Future<Long> f : results) {
          max = Math.max(max, f.get(2, TimeUnit.MINUTES));
        }
        assertEquals(total, max);
        assertEquals(total, c.get());
      } finally {
        pool.shutdownNow();
      }
    }
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      assertEquals(total, CounterNamespace.of(client).get("contended").get());
    }
  }

  @Test
  void asyncCallsToManyObjectsAllCommit() throws Exception {
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      CounterNamespace counters = CounterNamespace.of(client);
      List<CompletableFuture<Long>> futures = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 200; i++) {
          futures.add(counters.get("c" + i).async().increment(i));
        }
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .get(2, TimeUnit.MINUTES);
      for (int i = 0; i < 200; i++) {
        assertEquals(5L * i, counters.get("c" + i).get());
      }
    }
  }

  @Test
  void remoteExceptionArrivesWithTypeAndMessageAndRollsBack() {
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      CounterStub c = CounterNamespace.of(client).get("r");
      c.increment(2);
      RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> c.decrement(3));
      assertEquals("java.lang.IllegalStateException", e.remoteType());
      assertEquals("count would go negative: -1", e.remoteMessage());
      assertEquals(2, c.get());
      RemoteFailureException async =
          assertThrows(
              RemoteFailureException.class,
              () -> {
                try {
                  c.async().decrement(3).join();
                } catch (java.util.concurrent.CompletionException ce) {
                  throw ce.getCause();
                }
              });
      assertEquals("java.lang.IllegalStateException", async.remoteType());
      assertEquals(2, c.get());
    }
  }
}
