package dev.duro;

import java.util.List;
import java.util.Map;

/**
 * A durable, sorted map held in the object's {@link Storage}, read lazily entry by entry: declare a
 * package-private, non-final, non-static field of this type in a {@link DurableObject} class, with
 * no annotation, and the generated binding assigns it when the object is constructed (so it is
 * usable from {@link OnActivate} and every turn, but still {@code null} inside the constructor):
 *
 * <pre>{@code
 * DurableMap<String, Order> orders;   // no @Persist: entries live in storage, not in a field
 * }</pre>
 *
 * <p><b>Types.</b> Keys are {@code String}, {@code Long}, {@code Integer}, {@code Short}, {@code
 * Byte}, {@link java.time.Instant} or {@link java.util.UUID}; values are any type a {@link Persist}
 * field may have. The processor reports other types as {@code [DuroUnsupportedType]}, and a field
 * that is private, final or static, or annotated {@code @Persist}, as errors too.
 *
 * <p><b>Order.</b> Entries are ordered by key: numbers and instants in numeric (signed,
 * chronological) order; strings by code point (the unsigned bytes of their UTF-8 form, which
 * differs from {@link String#compareTo} only for characters outside the Basic Multilingual Plane);
 * UUIDs as the unsigned 128-bit number of their canonical hex digits (most significant half first),
 * which is <em>not</em> {@link java.util.UUID#compareTo} (that one compares signed halves).
 *
 * <p><b>Storage layout.</b> Entry {@code k} of field {@code f} is the storage key {@code "\u0001m:"
 * + f + ":" + enc(k)}, where {@code enc} is the key itself for strings and fixed-width lowercase
 * hex otherwise (integers with the sign bit flipped; an instant as its seconds then its
 * nanoseconds; a UUID as its 32 digits), and the value is the same message a {@code @Persist} field
 * of the value type stores. {@link Storage#list()} therefore shows these entries and {@link
 * Storage#deleteAll()} deletes them; avoid user keys that start with {@code U+0001}. Renaming the
 * field orphans its entries. Keys obey {@link Storage}'s length limit including the prefix.
 *
 * <p><b>Values are copies.</b> {@link #get} decodes a fresh value on every call; changing a
 * returned (mutable) collection changes nothing stored until it is {@link #put} back.
 *
 * <p><b>Transactions.</b> Every write joins the turn's atomic commit and is discarded if the turn
 * throws, exactly like {@link Storage} writes (also inside {@link Storage#transaction}). Reads see
 * the turn's own writes.
 *
 * <p><b>Threading and errors.</b> Only the thread running a turn of the owning object may use the
 * map; otherwise every method throws {@link IllegalStateException}. A {@code null} key or value
 * throws {@link NullPointerException}. A stored value that does not decode throws {@link
 * dev.duro.codec.CodecException}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface DurableMap<K, V> {
  /** The value stored under {@code key}, or {@code null} if none. */
  V get(K key);

  /**
   * Stores {@code value} under {@code key}, replacing any earlier value. To remove an entry, call
   * {@link #remove}: a {@code null} value is rejected rather than taken to mean removal.
   *
   * @throws NullPointerException if {@code key} or {@code value} is null
   * @throws IllegalArgumentException if the encoded key or value breaks a {@link Storage} limit
   */
  void put(K key, V value);

  /** Removes the entry of {@code key}; returns whether there was one. */
  boolean remove(K key);

  /** Whether there is an entry for {@code key}. */
  boolean containsKey(K key);

  /**
   * The entries with {@code fromInclusive <= key < toExclusive}, in ascending key order, or
   * descending if {@code reverse}; at most {@code limit} of them, taken from the low end (the high
   * end if {@code reverse}). Reads lazily up to the limit, so a small page of a large map is cheap.
   * The entries are immutable snapshots.
   *
   * @param fromInclusive the lower bound, or {@code null} for none
   * @param toExclusive the upper bound, or {@code null} for none
   * @param reverse whether to return entries in descending key order
   * @param limit the most entries to return; {@link Integer#MAX_VALUE} for all
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Map.Entry<K, V>> range(K fromInclusive, K toExclusive, boolean reverse, int limit);

  /** Every entry in ascending key order: {@code range(null, null, false, Integer.MAX_VALUE)}. */
  default List<Map.Entry<K, V>> entries() {
    return range(null, null, false, Integer.MAX_VALUE);
  }

  /**
   * Removes every entry. Costs a read and a delete per entry; like every write it is undone if the
   * turn throws.
   */
  void clear();
}
