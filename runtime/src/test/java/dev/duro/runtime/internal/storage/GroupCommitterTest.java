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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
}
