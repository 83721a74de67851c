package dev.duro.runtime.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import dev.duro.runtime.testing.ControllableStorageEngine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  @Test
  void commitsEverythingFromManyThreads() throws Exception {
    ControllableStorageEngine engine = new ControllableStorageEngine(StorageEngine.inMemory());
    GroupCommitter committer = new GroupCommitter(engine, Runnable::run, 64);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<List<CompletableFuture<Void>>>> producers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int base = t * 500;
      producers.add(
          threads.submit(
              () -> {
                List<CompletableFuture<Void>> fs = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                  fs.add(
                      committer.commit(
                          WriteBatch.builder().put(key(base + i), key(base + i)).build()));
                }
                return fs;
              }));
    }
    for (Future<List<CompletableFuture<Void>>> p : producers) {
      for (CompletableFuture<Void> f : p.get(30, TimeUnit.SECONDS)) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    threads.shutdown();
    committer.close();
    assertEquals(4000, engine.batchesApplied());
    assertTrue(engine.applyCalls() <= 4000);
    for (int i = 0; i < 4000; i++) {
      assertArrayEquals(key(i), engine.get(key(i)));
    }
  }

  @Test
  void aFailingBatchFailsAloneWhenItsGroupIsRetried() throws Exception {
    StorageEngine inner = StorageEngine.inMemory();
    StorageEngine picky =
        new StorageEngine() {
          @Override
          public byte[] get(byte[] key) {
            return inner.get(key);
          }

          @Override
          public void scan(byte[] from, byte[] to, ScanVisitor visitor) {
            inner.scan(from, to, visitor);
          }

          @Override
          public void applyAll(List<WriteBatch> batches) {
            for (WriteBatch b : batches) {
              if (b.size() == 2) {
                throw new IllegalArgumentException("bad batch");
              }
            }
            inner.applyAll(batches);
          }

          @Override
          public void close() {
            inner.close();
          }
        };
    ControllableStorageEngine engine = new ControllableStorageEngine(picky);
    GroupCommitter committer = new GroupCommitter(engine, Runnable::run, 64);
    ControllableStorageEngine.Gate gate = engine.blockNextApply();
    CompletableFuture<Void> first =
        committer.commit(WriteBatch.builder().put(key(0), key(0)).build());
    gate.awaitEntered();
    CompletableFuture<Void> ok1 =
        committer.commit(WriteBatch.builder().put(key(1), key(1)).build());
    CompletableFuture<Void> bad =
        committer.commit(WriteBatch.builder().put(key(2), key(2)).put(key(3), key(3)).build());
    CompletableFuture<Void> ok2 =
        committer.commit(WriteBatch.builder().put(key(4), key(4)).build());
    gate.release();
    first.get(30, TimeUnit.SECONDS);
    ok1.get(30, TimeUnit.SECONDS);
    ok2.get(30, TimeUnit.SECONDS);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertArrayEquals(key(4), engine.get(key(4)));
    assertNull(engine.get(key(2)));
    committer.close();
  }

  @Test
  void closeCommitsWhatWasSubmittedThenRejects() throws Exception {
    ControllableStorageEngine engine = new ControllableStorageEngine(StorageEngine.inMemory());
    GroupCommitter committer = new GroupCommitter(engine, Runnable::run, 8);
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fs.add(committer.commit(WriteBatch.builder().put(key(i), key(i)).build()));
    }
    committer.close();
    for (CompletableFuture<Void> f : fs) {
      assertTrue(f.isDone());
      f.get();
    }
    assertEquals(100, engine.batchesApplied());
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> committer.commit(WriteBatch.builder().put(key(1), key(1)).build()).get());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  /**
   * An engine recording when each group reached it and how many batches it held ({@code groups});
   * each group takes 2 ms, like a sync, so that batches queue meanwhile.
   */
  private static ControllableStorageEngine recording(List<long[]> groups) {
    ControllableStorageEngine engine = new ControllableStorageEngine(StorageEngine.inMemory());
    engine.onApply(
        batches -> {
          groups.add(new long[] {System.nanoTime(), batches.size()});
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        });
    return engine;
  }

  /** {@code threads} threads each commit {@code each} batches, one at a time; returns the time. */
  private static Duration commitConcurrently(GroupCommitter committer, int threads, int each)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * each;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    committer
                        .commit(WriteBatch.builder().put(key(base + i), key(base + i)).build())
                        .get(60, TimeUnit.SECONDS);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void underConcurrentLoadAGroupStartsNoSoonerThanTheDelayAfterALargeOne() throws Exception {
    List<long[]> recorded = Collections.synchronizedList(new ArrayList<>());
    ControllableStorageEngine engine = recording(recorded);
    Duration delay = Duration.ofMillis(40);
    GroupCommitter committer = new GroupCommitter(engine, Runnable::run, 512, delay);
    int threads = 16;
    int each = 8;
    commitConcurrently(committer, threads, each);
    committer.close();

    for (int i = 0; i < threads * each; i++) {
      assertArrayEquals(key(i), engine.get(key(i)), "batch " + i);
    }
    List<long[]> groups = List.copyOf(recorded);
    assertEquals(threads * each, groups.stream().mapToLong(g -> g[1]).sum());
    int delayed = 0;
    for (int i = 1; i < groups.size(); i++) {
      if (groups.get(i - 1)[1] >= GroupCommitter.DELAY_MIN_GROUP) {
        delayed++;
        long gap = groups.get(i)[0] - groups.get(i - 1)[0];
        // The delay counts from just before the previous group was drained from the queue.
        assertTrue(
            gap >= delay.toNanos() - TimeUnit.MILLISECONDS.toNanos(5),
            "group "
                + i
                + " started "
                + gap / 1_000
                + " us after a group of "
                + groups.get(i - 1)[1]);
      }
    }
    assertTrue(delayed > 0, "some groups were large enough to delay the next");
    // Each thread waits for its commit before the next: with the delay, the 16 threads' batches
    // gather into few groups instead of syncing in small ones back to back.
    assertTrue(groups.size() <= 3 * each, "groups: " + groups.size());
  }

  @Test
  void aLoneCommitterOrAFewConcurrentOnesAreNeverDelayed() throws Exception {
    List<long[]> recorded = Collections.synchronizedList(new ArrayList<>());
    ControllableStorageEngine engine = recording(recorded);
    // An hour: one delayed group would time the test out.
    GroupCommitter committer = new GroupCommitter(engine, Runnable::run, 512, Duration.ofHours(1));
    commitConcurrently(committer, 1, 200);
    // Fewer threads than the smallest delayed group: groups never reach it.
    commitConcurrently(committer, GroupCommitter.DELAY_MIN_GROUP - 1, 200);
    committer.close();
    assertEquals(
        200 + (GroupCommitter.DELAY_MIN_GROUP - 1) * 200,
        recorded.stream().mapToLong(g -> g[1]).sum());
  }

  @Test
  void aNegativeDelayIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new GroupCommitter(
                    StorageEngine.inMemory(), Runnable::run, 8, Duration.ofMillis(-1)));
    assertTrue(e.getMessage().contains("delay must not be negative"), e.getMessage());
  }
}
