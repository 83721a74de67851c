package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: ONE writer thread per storage engine drains a queue of batches and applies up to
 * {@code maxGroup} of them in one {@link StorageEngine#applyAll} call (one transaction, one sync).
 * While a group is being synced, new batches queue up and form the next group, so the number of
 * syncs per second stays constant while throughput grows with load.
 *
 * <p>If a group fails, its batches are retried one by one so that one bad batch fails alone.
 * Futures of a group are completed by one task on the completion executor (not on the writer
 * thread, which goes back to writing).
 */
public final class GroupCommitter implements Committer {
  /** Default maximum number of batches per transaction. */
  public static final int DEFAULT_MAX_GROUP = 512;

  private static final Pending STOP = new Pending(WriteBatch.empty());

  private final StorageEngine engine;
  private final Executor completionExecutor;
  private final int maxGroup;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Object stateLock = new Object();
  private boolean closed;

  private static final class Pending {
    final WriteBatch batch;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    @Nullable Throwable failure;

    Pending(WriteBatch batch) {
      this.batch = batch;
    }
  }

  /**
   * Starts the writer thread ({@code "duro-commit"}, daemon).
   *
   * @param completionExecutor where futures are completed; {@code Runnable::run} completes them on
   *     the writer thread
   */
  public GroupCommitter(StorageEngine engine, Executor completionExecutor, int maxGroup) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("maxGroup must be at least 1, got " + maxGroup);
    }
    this.engine = engine;
    this.completionExecutor = completionExecutor;
    this.maxGroup = maxGroup;
    this.writer = new Thread(this::run, "duro-commit");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public CompletableFuture<Void> commit(WriteBatch batch) {
    Pending p = new Pending(batch);
    synchronized (stateLock) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("Committer is closed"));
      }
      queue.add(p);
    }
    return p.done;
  }

  @Override
  public void close() {
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    List<WriteBatch> batches = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        // Nobody interrupts this private thread; keep serving until close().
        continue;
      }
      group.add(first);
      queue.drainTo(group, maxGroup - 1);
      if (group.remove(STOP)) {
        // STOP is the last element ever queued, so everything else in the queue is in this group.
        stopping = true;
      }
      if (!group.isEmpty()) {
        for (Pending p : group) {
          batches.add(p.batch);
        }
        write(group, batches);
        complete(new ArrayList<>(group));
      }
      group.clear();
      batches.clear();
    }
  }

  private void write(List<Pending> group, List<WriteBatch> batches) {
    // Throwable, not RuntimeException: if this thread died, every later commit would hang.
    try {
      engine.applyAll(batches);
      return;
    } catch (Throwable e) {
      if (group.size() == 1) {
        group.get(0).failure = e;
        return;
      }
    }
    for (Pending p : group) {
      try {
        engine.apply(p.batch);
      } catch (Throwable e) {
        p.failure = e;
      }
    }
  }

  private void complete(List<Pending> group) {
    Runnable task =
        () -> {
          for (Pending p : group) {
            Throwable failure = p.failure;
            if (failure == null) {
              p.done.complete(null);
            } else {
              p.done.completeExceptionally(failure);
            }
          }
        };
    try {
      completionExecutor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }
}
