package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: ONE writer thread per storage engine drains a queue of batches and applies up to
 * {@code maxGroup} of them in one {@link StorageEngine#applyAll} call (one transaction, one sync).
 * While a group is being synced, new batches queue up and form the next group, so the number of
 * syncs per second stays constant while throughput grows with load.
 *
 * <p>Under concurrent load a group may be held open for a short delay so that more batches share
 * its sync (see {@link #GroupCommitter(StorageEngine, Executor, int, Duration)}).
 *
 * <p>If a group fails, its batches are retried one by one so that one bad batch fails alone.
 * Futures of a group are completed by one task on the completion executor (not on the writer
 * thread, which goes back to writing).
 */
public final class GroupCommitter implements Committer {
  /** Default maximum number of batches per transaction. */
  public static final int DEFAULT_MAX_GROUP = 512;

  /** Default {@code delay}: at most this much added latency, about 1,000 syncs/s under load. */
  public static final Duration DEFAULT_DELAY = Duration.ofMillis(1);

  /** Smallest previous group after which the next one is delayed. */
  static final int DELAY_MIN_GROUP = 5;

  private static final Pending STOP = new Pending(WriteBatch.empty());

  private final StorageEngine engine;
  private final Executor completionExecutor;
  private final int maxGroup;
  private final long delayNanos;
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
    this(engine, completionExecutor, maxGroup, Duration.ZERO);
  }

  /**
   * As {@link #GroupCommitter(StorageEngine, Executor, int)}, and while batches arrive concurrently
   * (the previous group held at least {@value #DELAY_MIN_GROUP}), a group starts no sooner than
   * {@code delay} after the previous one started, so that more batches share its sync. Why: a sync
   * costs CPU as well as time (about 65 µs of CPU per {@code fdatasync} on the 2-core machine of
   * {@code BENCHMARKS.md}, where syncing back to back at 180,000 commits/s took a quarter of the
   * process's CPU); fewer, larger groups leave that CPU to turns. A lone or lightly concurrent
   * committer (smaller groups) is never delayed, as PostgreSQL's {@code commit_delay} applies only
   * with {@code commit_siblings} others active.
   */
  public GroupCommitter(
      StorageEngine engine, Executor completionExecutor, int maxGroup, Duration delay) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("maxGroup must be at least 1, got " + maxGroup);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    this.engine = engine;
    this.completionExecutor = completionExecutor;
    this.maxGroup = maxGroup;
    this.delayNanos = delay.toNanos();
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
    long lastStart = System.nanoTime();
    int lastGroupSize = 0;
    while (!stopping) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        // Nobody interrupts this private thread; keep serving until close().
        continue;
      }
      if (lastGroupSize >= DELAY_MIN_GROUP) {
        // Batches arrive concurrently: let more join this group. Sleep rather than wait on the
        // queue, which would wake this thread once per arriving batch; a park may return early
        // (a leftover unpark from the queue), so loop to the deadline.
        long until = lastStart + delayNanos;
        long wait;
        while ((wait = until - System.nanoTime()) > 0 && queue.size() < maxGroup - 1) {
          LockSupport.parkNanos(wait);
        }
      }
      lastStart = System.nanoTime();
      group.add(first);
      queue.drainTo(group, maxGroup - 1);
      lastGroupSize = group.size();
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
