package dev.duro.runtime.internal.activation;

import dev.duro.ListOptions;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.internal.storage.UnsignedBytes;
import dev.duro.runtime.spi.StorageEngine;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One {@code storage().list(...)}: merges, in key order, the turn's own writes and the object's
 * pending (not yet durable) writes over a lazy scan of committed storage, stopping at the limit.
 * Uncommitted writes are few (one object's in-flight batches), so they are sorted up front; the
 * committed range is only read as far as needed.
 */
final class Lister {
  private final ObjectCell cell;
  private final TurnState turn;
  private final ListOptions options;
  private final Comparator<byte[]> order;
  private final LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
  private Map.@Nullable Entry<byte[], byte[]> peek;
  private @Nullable Iterator<Map.Entry<byte[], byte[]>> overlay;

  Lister(ObjectCell cell, TurnState turn, ListOptions options) {
    this.cell = cell;
    this.turn = turn;
    this.options = options;
    this.order = options.isReverse() ? UnsignedBytes.ORDER.reversed() : UnsignedBytes.ORDER;
  }

  Map<String, byte[]> run() {
    byte[] prefix = cell.prefix;
    byte[] lo = KeyLayout.storage(prefix, options.prefix());
    byte[] hi = options.prefix().isEmpty() ? KeyLayout.storageEnd(prefix) : KeyLayout.prefixEnd(lo);
    if (hi == null) {
      hi = KeyLayout.storageEnd(prefix);
    }
    if (options.startKey() != null) {
      byte[] s = KeyLayout.storage(prefix, options.startKey());
      if (options.isStartExclusive()) {
        // The least key greater than s is s followed by a zero byte.
        s = java.util.Arrays.copyOf(s, s.length + 1);
      }
      if (UnsignedBytes.compare(s, lo) > 0) {
        lo = s;
      }
    }
    if (options.endKey() != null) {
      byte[] e = KeyLayout.storage(prefix, options.endKey());
      if (UnsignedBytes.compare(e, hi) < 0) {
        hi = e;
      }
    }
    if (UnsignedBytes.compare(lo, hi) >= 0) {
      return out;
    }
    byte[] from = lo;
    byte[] to = hi;
    TreeMap<byte[], byte[]> writes = new TreeMap<>(order);
    if (!turn.cleared) {
      cell.pendingRange(from, to, (k, v) -> writes.put(k, v == null ? TurnState.TOMBSTONE : v));
    }
    for (Map.Entry<String, byte[]> e : turn.storage.entrySet()) {
      byte[] k = KeyLayout.storage(prefix, e.getKey());
      if (UnsignedBytes.compare(k, from) >= 0 && UnsignedBytes.compare(k, to) < 0) {
        writes.put(k, e.getValue());
      }
    }
    overlay = writes.entrySet().iterator();
    advance();
    int limit = options.limit();
    if (!turn.cleared) {
      StorageEngine.ScanVisitor visitor =
          (k, v) -> {
            while (peek != null && order.compare(peek.getKey(), k) < 0) {
              emit(peek.getKey(), peek.getValue());
              advance();
              if (out.size() >= limit) {
                return false;
              }
            }
            if (peek != null && order.compare(peek.getKey(), k) == 0) {
              emit(k, peek.getValue());
              advance();
            } else {
              emit(k, v);
            }
            return out.size() < limit;
          };
      try {
        if (options.isReverse()) {
          cell.engine.storage.scanDescending(from, to, visitor);
        } else {
          cell.engine.storage.scan(from, to, visitor);
        }
      } catch (RuntimeException e) {
        throw new StorageFailure(e);
      }
    }
    while (peek != null && out.size() < limit) {
      emit(peek.getKey(), peek.getValue());
      advance();
    }
    return out;
  }

  private void advance() {
    Iterator<Map.Entry<byte[], byte[]>> it = overlay;
    peek = it != null && it.hasNext() ? it.next() : null;
  }

  private void emit(byte[] key, byte[] value) {
    if (value != TurnState.TOMBSTONE) {
      out.put(KeyLayout.storageUserKey(cell.prefix, key), value.clone());
    }
  }
}
