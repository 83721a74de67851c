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

  /**
   * Opens (creating if needed) the environment in {@code directory}.
   *
   * @throws IllegalStateException if the directory is in use by another engine, or cannot be opened
   */
  public static XodusStorageEngine open(Path directory) {
    EnvironmentConfig config =
        new EnvironmentConfig()
            .setLogDurableWrite(true)
            // Xodus's log cache is shared JVM-wide and defaults to half the heap; objects' own
            // state competes for the same heap.
            .setMemoryUsagePercentage(25)
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
