package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StorageEngine} over a {@link ConcurrentSkipListMap} in unsigned byte order. Writes are
 * serialised by a lock, so a batch is atomic for other writers; readers see it key by key, which
 * the runtime tolerates because it never reads from storage a key that a commit in flight writes
 * (an object reads its own pending writes first, and only the object writes its keys). Values are
 * copied in and out.
 */
public final class InMemoryStorageEngine implements StorageEngine {
  private final ConcurrentSkipListMap<byte[], byte[]> map =
      new ConcurrentSkipListMap<>(UnsignedBytes.ORDER);
  private final Object writeLock = new Object();
  private volatile boolean closed;

  @Override
  public byte @Nullable [] get(byte[] key) {
    checkOpen();
    byte[] v = map.get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void scan(byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    checkOpen();
    NavigableMap<byte[], byte[]> range =
        toExclusive == null
            ? map.tailMap(fromInclusive, true)
            : map.subMap(fromInclusive, toExclusive);
    for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
      if (!visitor.visit(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public void scanDescending(
      byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor visitor) {
    checkOpen();
    NavigableMap<byte[], byte[]> range =
        toExclusive == null
            ? map.tailMap(fromInclusive, true)
            : map.subMap(fromInclusive, toExclusive);
    for (Map.Entry<byte[], byte[]> e : range.descendingMap().entrySet()) {
      if (!visitor.visit(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public void applyAll(List<WriteBatch> batches) {
    synchronized (writeLock) {
      checkOpen();
      for (WriteBatch batch : batches) {
        batch.forEach(
            (key, value) -> {
              if (value == null) {
                map.remove(key);
              } else {
                map.put(key.clone(), value.clone());
              }
            });
      }
    }
  }

  /** The number of entries; for tests. */
  public int size() {
    return map.size();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("In-memory storage engine is closed");
    }
  }
}
