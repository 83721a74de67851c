package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.concurrent.CompletableFuture;

/** Applies each batch on the calling thread: one transaction per batch, no thread of its own. */
public final class SynchronousCommitter implements Committer {
  private final StorageEngine engine;
  private volatile boolean closed;

  public SynchronousCommitter(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public CompletableFuture<Void> commit(WriteBatch batch) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("Committer is closed"));
    }
    try {
      engine.apply(batch);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
