package dev.duro;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object's raw durable key/value storage, private to the object.
 *
 * <p>Keys are non-empty strings of at most {@value #MAX_KEY_BYTES} UTF-8 bytes; values are at most
 * {@value #MAX_VALUE_BYTES} bytes (a host may configure other limits; exceeding them throws {@link
 * IllegalArgumentException} naming the limit). Keys are ordered as the unsigned bytes of their
 * UTF-8 form (which is code point order, not {@link String#compareTo} order). Reads see the current
 * turn's own writes and the object's earlier turns' writes, even before those are durable. Writes
 * join the turn's atomic commit and are discarded if the turn throws. Byte arrays are copied in and
 * out.
 *
 * <p>Only the thread running a turn of the object may use it: every method throws {@link
 * IllegalStateException} if called outside a turn of this object.
 */
public interface Storage {
  /** Default maximum key length in UTF-8 bytes. */
  int MAX_KEY_BYTES = 2048;

  /** Default maximum value length in bytes. */
  int MAX_VALUE_BYTES = 128 * 1024;

  /** The value stored under {@code key}, or {@code null} if none. */
  byte[] get(String key);

  /**
   * Stores {@code value} under {@code key}.
   *
   * @throws IllegalArgumentException if the key is empty or too long, or the value too long, naming
   *     the limit
   */
  void put(String key, byte[] value);

  /** Removes {@code key}; returns whether it was present. */
  boolean delete(String key);

  /**
   * The values of those of {@code keys} that are present, in the order of {@code keys}; absent keys
   * are left out.
   */
  default Map<String, byte[]> get(Collection<String> keys) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (String k : keys) {
      byte[] v = get(k);
      if (v != null) {
        found.put(k, v);
      }
    }
    return found;
  }

  /**
   * Stores every entry of {@code entries}. A host checks all keys and values first: if one is
   * invalid, nothing is written.
   *
   * @throws IllegalArgumentException if a key or value breaks a limit
   */
  default void put(Map<String, byte[]> entries) {
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  /** Removes every key of {@code keys}; returns how many were present. */
  default int delete(Collection<String> keys) {
    int n = 0;
    for (String k : keys) {
      if (delete(k)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The entries selected by {@code options}, in key order (descending if {@link
   * ListOptions#reverse()}), as an insertion-ordered map. Reads committed entries lazily up to the
   * limit, so a bounded list of a large storage is cheap.
   *
   * @throws UnsupportedOperationException if this storage is not a host's (a hand-written fake)
   */
  default Map<String, byte[]> list(ListOptions options) {
    throw new UnsupportedOperationException("list is not supported by " + getClass().getName());
  }

  /** Every entry, in key order; the same as {@code list(ListOptions.all())}. */
  default Map<String, byte[]> list() {
    return list(ListOptions.all());
  }

  /**
   * Deletes every storage entry of the object (not its {@link Persist} fields, nor its alarm: see
   * {@link #deleteAll(boolean)}). Like every write, it is part of the turn and discarded if the
   * turn throws. Entries put after it in the same turn are kept.
   *
   * @throws UnsupportedOperationException if this storage is not a host's (a hand-written fake)
   */
  default void deleteAll() {
    deleteAll(false);
  }

  /**
   * Deletes every storage entry of the object and, if {@code alsoAlarm}, its alarm too (as {@code
   * alarm().delete()} would). {@link Persist} fields are never touched.
   *
   * @throws UnsupportedOperationException if this storage is not a host's (a hand-written fake)
   */
  default void deleteAll(boolean alsoAlarm) {
    throw new UnsupportedOperationException(
        "deleteAll is not supported by " + getClass().getName());
  }

  /**
   * Runs {@code body} on this storage as a nested transaction: if it throws, every storage write
   * and alarm change it made is undone and the exception is rethrown as is; the turn goes on and
   * may catch it. If it returns, its writes stay part of the turn (durable with the turn's commit).
   * Transactions may nest.
   *
   * @return what {@code body} returned
   * @throws E what {@code body} threw, after rolling back its writes
   * @throws UnsupportedOperationException if this storage is not a host's (a hand-written fake)
   */
  default <T, E extends Exception> T transaction(StorageTransaction<T, E> body) throws E {
    throw new UnsupportedOperationException(
        "transaction is not supported by " + getClass().getName());
  }

  // ---- Typed values: encoded by the codecs of dev.duro.codec.ValueCodecs.

  /**
   * The value at {@code key} decoded as a {@code type}, or {@code null} if there is none. Values
   * are protobuf messages (field 1 = the value) written by {@link #put(String, Object)}, so a
   * record read with a newer version of its class gets defaults for added components.
   *
   * @throws IllegalArgumentException if {@code type} has no codec (see {@link
   *     dev.duro.codec.ValueCodecs#forClass})
   * @throws dev.duro.codec.CodecException if the stored bytes are not a {@code type}
   */
  default <T> T get(String key, Class<T> type) {
    dev.duro.codec.ValueCodec<T> codec = dev.duro.codec.ValueCodecs.forClass(type);
    byte[] raw = get(key);
    return raw == null ? null : decode(codec, key, raw);
  }

  /**
   * Stores {@code value}, encoded by the codec of its class: a built-in type, or a record or enum
   * the processor generated a codec for. The key and encoded size limits apply as for {@link
   * #put(String, byte[])}. A {@code byte[]} argument of static type {@code byte[]} takes the raw
   * overload.
   *
   * @throws IllegalArgumentException if the value's class has no codec
   * @throws NullPointerException if {@code value} is null (use {@link #delete})
   */
  default void put(String key, Object value) {
    put(key, dev.duro.codec.ValueCodecs.forValue(value).encode(value));
  }

  /**
   * The values at {@code keys} that exist, decoded as {@code type}s, in the order of {@code keys}.
   */
  default <T> Map<String, T> get(Collection<String> keys, Class<T> type) {
    dev.duro.codec.ValueCodec<T> codec = dev.duro.codec.ValueCodecs.forClass(type);
    Map<String, T> out = new java.util.LinkedHashMap<>();
    get(keys).forEach((k, raw) -> out.put(k, decode(codec, k, raw)));
    return out;
  }

  /** {@link #list(ListOptions)} with every value decoded as a {@code type}. */
  default <T> Map<String, T> list(ListOptions options, Class<T> type) {
    dev.duro.codec.ValueCodec<T> codec = dev.duro.codec.ValueCodecs.forClass(type);
    Map<String, T> out = new java.util.LinkedHashMap<>();
    list(options).forEach((k, raw) -> out.put(k, decode(codec, k, raw)));
    return out;
  }

  private static <T> T decode(dev.duro.codec.ValueCodec<T> codec, String key, byte[] raw) {
    try {
      return codec.decode(raw);
    } catch (RuntimeException e) {
      dev.duro.codec.CodecException c =
          new dev.duro.codec.CodecException(
              "Storage entry \"" + key + "\" is not a " + codec.type().getName() + ": " + e);
      c.initCause(e);
      throw c;
    }
  }
}
