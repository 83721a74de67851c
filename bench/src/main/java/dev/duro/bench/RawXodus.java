package dev.duro.bench;

import dev.duro.ObjectId;
import dev.duro.codec.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;

/**
 * The physical limit Duro is measured against: Xodus group commit with nothing on top. One writer
 * thread drains a queue of single-put writes, up to {@link #MAX_GROUP} at a time, into one
 * exclusive transaction committed with {@code setLogDurableWrite(true)} (one fdatasync per group),
 * then completes their futures. Environment settings, store type, group size and key/value shapes
 * are those of the runtime's Xodus engine, so the only difference is the runtime itself.
 */
final class RawXodus implements AutoCloseable {
  /** The runtime's group-commit bound (GroupCommitter.DEFAULT_MAX_GROUP). */
  static final int MAX_GROUP = 512;

  private record Put(byte[] key, byte[] value, CompletableFuture<Void> done) {}

  private static final Put STOP = new Put(new byte[0], new byte[0], new CompletableFuture<>());

  private final Environment env;
  private final Store store;
  private final LinkedBlockingQueue<Put> queue = new LinkedBlockingQueue<>();
  private final Thread writer;

  RawXodus(Path directory) {
    env =
        Environments.newInstance(
            directory.toFile(),
            new EnvironmentConfig()
                .setLogDurableWrite(true)
                .setMemoryUsagePercentage(25)
                .setEnvGatherStatistics(false)
                .setManagementEnabled(false)
                .setLogClearInvalid(false));
    store =
        env.computeInTransaction(
            txn -> env.openStore("duro", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
    writer = new Thread(this::run, "raw-xodus-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * The key the runtime writes for {@code @Persist} field {@code field} of object {@code id}:
   * {@code 0x01 | nsLen | ns | id | 0x01 | field} (runtime KeyLayout).
   */
  static byte[] fieldKey(String namespace, ObjectId id, String field) {
    byte[] ns = namespace.getBytes(StandardCharsets.US_ASCII);
    byte[] f = field.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[2 + ns.length + ObjectId.LENGTH + 1 + f.length];
    key[0] = 0x01;
    key[1] = (byte) ns.length;
    System.arraycopy(ns, 0, key, 2, ns.length);
    id.copyTo(key, 2 + ns.length);
    key[2 + ns.length + ObjectId.LENGTH] = 0x01;
    System.arraycopy(f, 0, key, key.length - f.length, f.length);
    return key;
  }

  /** The value the runtime writes for a {@code long} field: a message with field 1 = value. */
  static byte[] longValue(long v) {
    return new ProtoWriter(12).writeInt64(1, v).toByteArray();
  }

  /** Queues one put; the future completes once its group is durable. */
  CompletableFuture<Void> put(byte[] key, byte[] value) {
    Put p = new Put(key, value, new CompletableFuture<>());
    queue.add(p);
    return p.done;
  }

  private void run() {
    List<Put> group = new ArrayList<>(MAX_GROUP);
    while (true) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      boolean stopping = group.remove(STOP);
      if (!group.isEmpty()) {
        Throwable failure = null;
        Transaction txn = env.beginExclusiveTransaction();
        try {
          for (Put p : group) {
            store.put(txn, new ArrayByteIterable(p.key), new ArrayByteIterable(p.value));
          }
          if (!txn.commit()) {
            failure = new IllegalStateException("exclusive transaction did not commit");
          }
        } catch (RuntimeException e) {
          failure = e;
        } finally {
          if (!txn.isFinished()) {
            txn.abort();
          }
        }
        for (Put p : group) {
          if (failure == null) {
            p.done.complete(null);
          } else {
            p.done.completeExceptionally(failure);
          }
        }
        group.clear();
      }
      if (stopping) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    queue.add(STOP);
    writer.join();
    env.close();
  }
}
