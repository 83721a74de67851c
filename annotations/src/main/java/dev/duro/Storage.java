package dev.duro;

/**
 * An object's raw durable key/value storage, private to the object.
 *
 * <p>Keys are non-empty strings of at most {@value #MAX_KEY_BYTES} UTF-8 bytes; values are at
 * most {@value #MAX_VALUE_BYTES} bytes. Reads see the current turn's own writes. Writes join the
 * turn's atomic commit and are discarded if the turn throws. Byte arrays are copied in and out.
 *
 * @throws IllegalStateException from every method, if called outside a turn of this object
 */
public interface Storage {
  /** Maximum key length in UTF-8 bytes. */
  int MAX_KEY_BYTES = 2048;

  /** Maximum value length in bytes. */
  int MAX_VALUE_BYTES = 128 * 1024;

  /** The value stored under {@code key}, or {@code null} if none. */
  byte[] get(String key);

  /**
   * Stores {@code value} under {@code key}.
   *
   * @throws IllegalArgumentException if the key is empty or too long, or the value too long,
   *     naming the limit
   */
  void put(String key, byte[] value);

  /** Removes {@code key}; returns whether it was present. */
  boolean delete(String key);
}
