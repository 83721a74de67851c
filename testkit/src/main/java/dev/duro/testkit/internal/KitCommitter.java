package dev.duro.testkit.internal;

import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import dev.duro.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Commits on the calling thread, like {@code Committer.synchronous}, unless the kit asked for slow
 * commits: then each batch waits until the manual clock reaches its submission time plus the delay,
 * and is applied (in submission order) by the thread that advances the clock. Deterministic:
 * nothing depends on real time. Thread-safe.
 */
public final class KitCommitter implements Committer {
  private static final class Held {
    final WriteBatch batch;
    final Instant due;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Held(WriteBatch batch, Instant due) {
      this.batch = batch;
      this.due = due;
    }
  }

  private final StorageEngine storage;
  private final ManualClock clock;
  private final Supplier<Duration> delay;
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private boolean closed;

  public KitCommitter(StorageEngine storage, ManualClock clock, Supplier<Duration> delay) {
    this.storage = storage;
    this.clock = clock;
    this.delay = delay;
  }

  @Override
  public CompletableFuture<Void> commit(WriteBatch batch) {
    Duration d = delay.get();
    synchronized (held) {
      if (closed) {
        throw new IllegalStateException("The committer is closed");
      }
      if (!d.isZero()) {
        Held h = new Held(batch, clock.now().plus(d));
        held.add(h);
        clock.schedule(h.due, this::applyDue);
        return h.done;
      }
    }
    return applyNow(batch);
  }

  /** Number of commits waiting for the clock. */
  public int heldCount() {
    synchronized (held) {
      return held.size();
    }
  }

  private static CompletableFuture<Void> applyNow(StorageEngine storage, WriteBatch batch) {
    try {
      storage.apply(batch);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Void> applyNow(WriteBatch batch) {
    return applyNow(storage, batch);
  }

  private void applyDue() {
    drain(false);
  }

  /** Applies held batches in order: the due ones, or all of them. */
  public void drain(boolean all) {
    List<Held> ready = new ArrayList<>();
    Instant now = clock.now();
    synchronized (held) {
      while (!held.isEmpty() && (all || !held.peek().due.isAfter(now))) {
        ready.add(held.poll());
      }
    }
    // Completing a future runs the runtime's commit callbacks; never under the lock.
    for (Held h : ready) {
      applyNow(h.batch)
          .whenComplete(
              (v, e) -> {
                if (e == null) {
                  h.done.complete(null);
                } else {
                  h.done.completeExceptionally(e);
                }
              });
    }
  }

  /** Applies every held batch (as a host's shutdown would), then refuses new ones. */
  @Override
  public void close() {
    drain(true);
    synchronized (held) {
      closed = true;
    }
    drain(true);
  }
}
