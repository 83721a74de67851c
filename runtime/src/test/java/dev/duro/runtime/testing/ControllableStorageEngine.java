package dev.duro.runtime.testing;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a {@link StorageEngine} so tests can hold writes ({@link #blockNextApply()}), make them
 * fail ({@link #failNextApplies(int)}) and count them. Thread-safe.
 */
public final class ControllableStorageEngine implements StorageEngine {
  private final StorageEngine delegate;
  private final boolean closeDelegate;
  private final AtomicInteger applyCalls = new AtomicInteger();
  private final AtomicInteger batchesApplied = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile @Nullable Gate gate;
  private volatile Consumer<List<WriteBatch>> onApply = batches -> {};

  /** A hold on one {@code applyAll} call. */
  public static final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Waits until a write is being held (up to 30 s); throws if none arrived. */
    public void awaitEntered() throws InterruptedException {
      if (!entered.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no write reached the storage engine");
      }
    }

    /** Whether a write is being held. */
    public boolean isEntered() {
      return entered.getCount() == 0;
    }

    /** Lets the held write proceed. */
    public void release() {
      released.countDown();
    }
  }

  /** Wraps {@code delegate}; {@link #close()} closes it. */
  public ControllableStorageEngine(StorageEngine delegate) {
    this(delegate, true);
  }

  private ControllableStorageEngine(StorageEngine delegate, boolean closeDelegate) {
    this.delegate = delegate;
    this.closeDelegate = closeDelegate;
  }

  /** Wraps {@code delegate} without ever closing it: one in-memory store, many runtimes. */
  public static ControllableStorageEngine nonClosing(StorageEngine delegate) {
    return new ControllableStorageEngine(delegate, false);
  }

  /** The next {@code applyAll} call blocks (before writing) until the gate is released. */
  public Gate blockNextApply() {
    Gate g = new Gate();
    gate = g;
    return g;
  }

  /**
   * Runs {@code hook} at the start of every {@code applyAll} call, with its batches, on the writing
   * thread (to record groups, or to make each take time like a sync).
   */
  public void onApply(Consumer<List<WriteBatch>> hook) {
    onApply = hook;
  }

  /** The next {@code n} {@code applyAll} calls throw without writing anything. */
  public void failNextApplies(int n) {
    failuresLeft.set(n);
  }

  /** Number of {@code applyAll} calls (transactions) so far, including failed ones. */
  public int applyCalls() {
    return applyCalls.get();
  }

  /** Number of batches written successfully so far. */
  public int batchesApplied() {
    return batchesApplied.get();
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return delegate.get(key);
  }

  @Override
  public void scan(byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    delegate.scan(fromInclusive, toExclusive, visitor);
  }

  @Override
  public void applyAll(List<WriteBatch> batches) {
    applyCalls.incrementAndGet();
    onApply.accept(batches);
    Gate g = gate;
    if (g != null) {
      gate = null;
      g.entered.countDown();
      try {
        if (!g.released.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test never released the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("injected commit failure");
    }
    delegate.applyAll(batches);
    batchesApplied.addAndGet(batches.size());
  }

  @Override
  public void close() {
    if (closeDelegate) {
      delegate.close();
    }
  }
}
