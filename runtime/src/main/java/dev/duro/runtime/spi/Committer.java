package dev.duro.runtime.spi;

import dev.duro.runtime.internal.storage.SynchronousCommitter;
import java.util.concurrent.CompletableFuture;

/**
 * Makes turns' write batches durable. The runtime hands every successful turn's {@link WriteBatch}
 * to its committer and releases the turn's reply only when the returned future completes.
 *
 * <p>The runtime keeps at most one batch per object in flight, so batches of one object are never
 * reordered; batches of different objects are independent and may be grouped into one storage
 * transaction (group commit). The default committer does exactly that with one writer thread.
 *
 * <p>Implementations are thread-safe. A future may be completed on any thread; callbacks attached
 * to it must not block.
 */
public interface Committer extends AutoCloseable {
  /**
   * Submits {@code batch}. The future completes normally once the batch is durable, or
   * exceptionally if it could not be committed (then none of it was applied).
   */
  CompletableFuture<Void> commit(WriteBatch batch);

  /**
   * Commits every batch already submitted, then stops; later {@link #commit} calls fail with an
   * {@link IllegalStateException}. Does not close the storage engine.
   */
  @Override
  void close();

  /**
   * A committer that applies each batch on the calling thread with {@link StorageEngine#apply}
   * before {@link #commit} returns (one transaction and one sync per batch). Deterministic; meant
   * for tests and the test kit.
   */
  static Committer synchronous(StorageEngine engine) {
    return new SynchronousCommitter(engine);
  }
}
