package dev.duro.testkit.internal;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The kit's storage as each of its runtimes sees it: the kit's in-memory engine, never closed by a
 * runtime (so {@code restart()} keeps the data), with injected commit failures. Thread-safe.
 */
public final class KitStorage implements StorageEngine {
  private final StorageEngine delegate;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger applied = new AtomicInteger();

  public KitStorage(StorageEngine delegate) {
    this.delegate = delegate;
  }

  /** Makes the next {@code n} {@link #applyAll} calls throw, applying nothing. */
  public void failNextApplies(int n) {
    failuresLeft.addAndGet(n);
  }

  /** Successful {@link #applyAll} calls so far (one per commit under the kit's committer). */
  public int appliedCount() {
    return applied.get();
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
  public void scanDescending(
      byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    delegate.scanDescending(fromInclusive, toExclusive, visitor);
  }

  @Override
  public void applyAll(List<WriteBatch> batches) {
    if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new IllegalStateException("Commit failure injected by DuroTestKit.failNextCommit()");
    }
    delegate.applyAll(batches);
    applied.incrementAndGet();
  }

  /** Does nothing: the kit closes the engine underneath when it closes. */
  @Override
  public void close() {}
}
