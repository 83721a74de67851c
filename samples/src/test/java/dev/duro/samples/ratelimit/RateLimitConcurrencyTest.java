package dev.duro.samples.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact counts under contention: 32 clients, each with its own {@link DuroClient} (its own gRPC
 * channel) on its own thread, hit one key of a real host (durable storage on disk, gRPC on
 * loopback) at the same time.
 */
class RateLimitConcurrencyTest {
  private static final int CLIENTS = 32;
  private static final int CALLS_PER_CLIENT = 25;

  @TempDir Path dir;

  @Test
  void thirtyTwoParallelClientsGetExactCounts() throws Exception {
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      Duration window = Duration.ofHours(1); // long enough not to end during the test
      List<List<WindowCount>> perClient =
          runInParallel(
              host,
              own -> {
                DurableRateLimitStore store = new DurableRateLimitStore(own);
                List<WindowCount> seen = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                  seen.add(store.increment("shared", window));
                }
                return seen;
              });
      int total = CLIENTS * CALLS_PER_CLIENT;
      // Every count from 1 to total was handed out exactly once: no lost or doubled increment.
      BitSet counts = new BitSet();
      for (List<WindowCount> seen : perClient) {
        long last = 0;
        for (WindowCount c : seen) {
          if (c.count() <= last || c.count() > total || counts.get((int) c.count())) {
            throw new AssertionError("count " + c.count() + " repeated, out of order or range");
          }
          counts.set((int) c.count());
          last = c.count();
        }
      }
      assertEquals(total, counts.cardinality());
      assertEquals(total, new DurableRateLimitStore(client).limiter("shared").peek().count());
    }
  }

  @Test
  void thirtyTwoParallelClientsGetExactlyTheLimitOfTheSlidingWindow() throws Exception {
    int limit = 100;
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      List<List<Decision>> perClient =
          runInParallel(
              host,
              own -> {
                SlidingWindowRateLimiterStub limiter =
                    SlidingWindowRateLimiterNamespace.of(own).get("shared");
                List<Decision> seen = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                  seen.add(limiter.check(limit, Duration.ofHours(1).toMillis()));
                }
                return seen;
              });
      BitSet remaining = new BitSet();
      int allowed = 0;
      for (List<Decision> seen : perClient) {
        for (Decision d : seen) {
          if (d.allowed()) {
            allowed++;
            if (remaining.get((int) d.remaining())) {
              throw new AssertionError("remaining " + d.remaining() + " handed out twice");
            }
            remaining.set((int) d.remaining());
          }
        }
      }
      assertEquals(limit, allowed);
      assertEquals(limit, remaining.cardinality()); // 0..limit-1, each once
      assertEquals(limit, SlidingWindowRateLimiterNamespace.of(client).get("shared").current());
    }
  }

  /** A client's work, given its own connection to the host. */
  private interface Client<T> {
    T run(DuroClient own);
  }

  private static <T> List<T> runInParallel(DuroHost host, Client<T> client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  try (DuroClient own = DuroClient.connect("localhost:" + host.port())) {
                    start.await();
                    return client.run(own);
                  }
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
