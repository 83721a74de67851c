package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StorageEngine} on one Xodus environment (a directory) holding one Patricia store ({@code
 * WITHOUT_DUPLICATES_WITH_PREFIXING}, which compresses the long shared prefixes of {@link
 * KeyLayout}).
 *
 * <p>Durability: the environment is opened with {@code setLogDurableWrite(true)}, so every commit
 * ends with an fdatasync (Xodus's default only writes to the page cache). Xodus has no group commit
 * and its write transactions conflict environment-wide, so {@link #applyAll} uses one exclusive
 * transaction and is meant to be called by a single writer thread; reads use read-only snapshot
 * transactions and never block.
 *
 * <p>Memory: Xodus caches pages of its log (the data files) on the heap. By default that cache is
 * shared by every environment of the JVM and sized as a percentage of the maximum heap, so a big
 * heap gets a big cache that fills as data is written (it looked like heap growing with pending
 * alarms) and outlives the environment. This engine gives each environment its own cache of a fixed
 * size instead ({@code setLogCacheShared(false)}, {@code setMemoryUsage(bytes)}): the heap it takes
 * is bounded whatever the amount of data, and is released when the engine is closed.
 *
 * <p>Xodus locks the directory ({@code xd.lck}): a second engine on the same directory, in this or
 * another process, fails to open with an {@link IllegalStateException} saying so.
 */
public final class XodusStorageEngine implements StorageEngine {
  private static final String STORE = "duro";

  private final Path directory;
  private final Environment env;
  private final Store store;
  private volatile boolean closed;

  private XodusStorageEngine(Path directory, Environment env, Store store) {
    this.directory = directory;
    this.env = env;
    this.store = store;
  }

  /** Largest default log cache: 64 MiB. */
  public static final long MAX_DEFAULT_CACHE_BYTES = 64L << 20;

  /** Smallest log cache accepted: 1 MiB (16 of Xodus's 64 KiB pages). */
  public static final long MIN_CACHE_BYTES = 1L << 20;

  /**
   * The default log cache size: {@value #MAX_DEFAULT_CACHE_BYTES} bytes or an eighth of the maximum
   * heap, whichever is smaller, and at least {@value #MIN_CACHE_BYTES}.
   */
  public static long defaultCacheBytes() {
    return Math.max(
        MIN_CACHE_BYTES, Math.min(MAX_DEFAULT_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 8));
  }

  /**
   * Opens (creating if needed) the environment in {@code directory}, with a log cache of {@link
   * #defaultCacheBytes()}.
   *
   * @throws IllegalStateException if the directory is in use by another engine, or cannot be opened
   */
  public static XodusStorageEngine open(Path directory) {
    return open(directory, defaultCacheBytes());
  }

  /**
   * Opens (creating if needed) the environment in {@code directory}, with its own log cache of
   * {@code cacheBytes} of heap.
   *
   * @throws IllegalArgumentException if {@code cacheBytes} is less than {@value #MIN_CACHE_BYTES}
   * @throws IllegalStateException if the directory is in use by another engine, or cannot be opened
   */
  public static XodusStorageEngine open(Path directory, long cacheBytes) {
    if (cacheBytes < MIN_CACHE_BYTES) {
      throw new IllegalArgumentException(
          "Log cache must be at least " + MIN_CACHE_BYTES + " bytes, got " + cacheBytes);
    }
    EnvironmentConfig config =
        new EnvironmentConfig()
            .setLogDurableWrite(true)
            // Xodus's default cache is shared JVM-wide and half the heap: it would grow with the
            // data up to that size. A fixed cache per environment bounds it (see above).
            .setLogCacheShared(false)
            .setMemoryUsage(cacheBytes)
            .setEnvGatherStatistics(false)
            .setManagementEnabled(false)
            .setLogClearInvalid(false);
    Environment env;
    try {
      env = Environments.newInstance(directory.toFile(), config);
    } catch (ExodusException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("lock")) {
        throw new IllegalStateException(
            "Data directory "
                + directory
                + " is in use by another Duro runtime (its Xodus lock file xd.lck is held)",
            e);
      }
      throw new IllegalStateException(
          "Cannot open data directory " + directory + ": " + message, e);
    }
    try {
      Store store =
          env.computeInTransaction(
              txn -> env.openStore(STORE, StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
      return new XodusStorageEngine(directory, env, store);
    } catch (RuntimeException e) {
      env.close();
      throw new IllegalStateException("Cannot open data directory " + directory, e);
    }
  }

  /** The directory of the environment. */
  public Path directory() {
    return directory;
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    checkOpen();
    ByteIterable v =
        env.computeInReadonlyTransaction(txn -> store.get(txn, new ArrayByteIterable(key)));
    return v == null ? null : copy(v);
  }

  @Override
  public byte @Nullable [][] getAll(byte[]... keys) {
    checkOpen();
    byte[][] out = new byte[keys.length][];
    env.executeInReadonlyTransaction(
        txn -> {
          for (int i = 0; i < keys.length; i++) {
            ByteIterable v = store.get(txn, new ArrayByteIterable(keys[i]));
            out[i] = v == null ? null : copy(v);
          }
        });
    return out;
  }

  @Override
  public void scan(byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    checkOpen();
    env.executeInReadonlyTransaction(
        txn -> {
          try (Cursor c = store.openCursor(txn)) {
            if (c.getSearchKeyRange(new ArrayByteIterable(fromInclusive)) == null) {
              return;
            }
            do {
              byte[] key = copy(c.getKey());
              if (toExclusive != null && UnsignedBytes.compare(key, toExclusive) >= 0) {
                return;
              }
              if (!visitor.visit(key, copy(c.getValue()))) {
                return;
              }
            } while (c.getNext());
          }
        });
  }

  /**
   * Descending scans walk a cursor back from the last key only when the range is open above. With
   * an upper bound, {@code getPrev()} after {@code getSearchKeyRange()} does not step back reliably
   * on a Patricia store with prefixing (found by {@code StorageApiTest}), so the range is read
   * forwards and replayed backwards (the SPI default): correct, at the cost of reading the range.
   */
  @Override
  public void scanDescending(
      byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    if (toExclusive != null) {
      StorageEngine.super.scanDescending(fromInclusive, toExclusive, visitor);
      return;
    }
    checkOpen();
    env.executeInReadonlyTransaction(
        txn -> {
          try (Cursor c = store.openCursor(txn)) {
            if (!c.getLast()) {
              return;
            }
            do {
              byte[] key = copy(c.getKey());
              if (UnsignedBytes.compare(key, fromInclusive) < 0) {
                return;
              }
              if (!visitor.visit(key, copy(c.getValue()))) {
                return;
              }
            } while (c.getPrev());
          }
        });
  }

  @Override
  public void applyAll(List<WriteBatch> batches) {
    checkOpen();
    Transaction txn = env.beginExclusiveTransaction();
    try {
      for (WriteBatch batch : batches) {
        batch.forEach(
            (key, value) -> {
              if (value == null) {
                store.delete(txn, new ArrayByteIterable(key));
              } else {
                store.put(txn, new ArrayByteIterable(key), new ArrayByteIterable(value));
              }
            });
      }
      // An exclusive transaction cannot conflict, so false here means something is badly wrong.
      if (!txn.commit()) {
        throw new IllegalStateException("Xodus refused to commit an exclusive transaction");
      }
    } finally {
      if (!txn.isFinished()) {
        txn.abort();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      env.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Storage engine on " + directory + " is closed");
    }
  }

  // getBytesUnsafe() may return an array longer than the value.
  private static byte[] copy(ByteIterable it) {
    return Arrays.copyOf(it.getBytesUnsafe(), it.getLength());
  }
}
