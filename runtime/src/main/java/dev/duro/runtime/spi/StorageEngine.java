package dev.duro.runtime.spi;

import dev.duro.runtime.internal.storage.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered key/value store of byte arrays: the only place the runtime keeps durable state.
 *
 * <p>Keys are ordered as unsigned bytes, lexicographically (a shorter key sorts before any longer
 * key it is a prefix of). Reads ({@link #get}, {@link #scan}) see committed data only and may be
 * called from any thread, concurrently with each other and with a write. Writes ({@link #applyAll})
 * are issued by one thread at a time (the runtime's committer); an implementation may rely on that.
 *
 * <p>The runtime owns the engine it is given and closes it when it closes.
 */
public interface StorageEngine extends AutoCloseable {

  /** Visits the entries of a {@link #scan}, in key order. */
  @FunctionalInterface
  interface ScanVisitor {
    /**
     * Receives one entry; the arrays are the visitor's own copies.
     *
     * @return {@code true} to continue the scan, {@code false} to stop it
     */
    boolean visit(byte[] key, byte[] value);
  }

  /**
   * The committed value of {@code key} (a fresh copy), or {@code null} if there is none.
   *
   * @throws IllegalStateException if the engine is closed
   */
  byte @Nullable [] get(byte[] key);

  /**
   * The committed values of {@code keys} (fresh copies; {@code null} where there is none), in the
   * order of the keys, read from one snapshot. The default calls {@link #get} for each key; engines
   * whose reads have a per-read cost (a transaction) should read them together.
   *
   * @throws IllegalStateException if the engine is closed
   */
  default byte @Nullable [][] getAll(byte[]... keys) {
    byte[][] out = new byte[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      out[i] = get(keys[i]);
    }
    return out;
  }

  /**
   * Visits, in ascending key order, every committed entry with {@code fromInclusive <= key <
   * toExclusive} ({@code toExclusive == null}: no upper bound), until the visitor returns {@code
   * false}. The scan sees one consistent snapshot.
   *
   * @throws IllegalStateException if the engine is closed
   */
  void scan(byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor);

  /**
   * Visits, in descending key order, every committed entry with {@code fromInclusive <= key <
   * toExclusive} ({@code toExclusive == null}: no upper bound), until the visitor returns {@code
   * false}. The scan sees one consistent snapshot. The default collects the range with {@link
   * #scan} and replays it backwards; engines with cursors should do better.
   *
   * @throws IllegalStateException if the engine is closed
   */
  default void scanDescending(
      byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    List<byte[][]> entries = new ArrayList<>();
    scan(
        fromInclusive,
        toExclusive,
        (k, v) -> {
          entries.add(new byte[][] {k, v});
          return true;
        });
    for (int i = entries.size() - 1; i >= 0; i--) {
      byte[][] e = entries.get(i);
      if (!visitor.visit(e[0], e[1])) {
        return;
      }
    }
  }

  /**
   * Applies {@code batches} in order as ONE atomic transaction and makes it durable (on disk,
   * synced) before returning: after a crash either all of them are visible or none is. Within and
   * across the batches, a later write of a key wins.
   *
   * @throws RuntimeException if the transaction could not be committed; then none of it is applied
   */
  void applyAll(List<WriteBatch> batches);

  /** Applies one batch durably; the same as {@code applyAll(List.of(batch))}. */
  default void apply(WriteBatch batch) {
    applyAll(List.of(batch));
  }

  /** Releases the engine's resources; later calls fail with {@link IllegalStateException}. */
  @Override
  void close();

  /**
   * A new, empty engine that keeps everything in memory ("durable" only for the life of the
   * object). Thread-safe; {@link #applyAll} is atomic for the writer and visible to readers key by
   * key. Meant for tests and the test kit.
   */
  static StorageEngine inMemory() {
    return new InMemoryStorageEngine();
  }
}
