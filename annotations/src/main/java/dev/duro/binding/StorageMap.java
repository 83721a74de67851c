package dev.duro.binding;

import dev.duro.DurableMap;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.Storage;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link DurableMap} that generated bindings assign to a field: entries are storage entries
 * under the key prefix {@code "\u0001m:" + field + ":"} (see {@link DurableMap} for the layout).
 * Public only because generated code in users' packages constructs it.
 *
 * <p>It asks the context for its storage on every call rather than once, so that an instance built
 * for a context without storage (a test kit's detached copy) fails only when used.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StorageMap<K, V> implements DurableMap<K, V> {
  /** How many entries {@link #clear} reads per batch. */
  private static final int CLEAR_BATCH = 256;

  private final ObjectContext context;
  private final String prefix;
  private final MapKeyCodec<K> keys;
  private final Function<? super V, byte[]> encodeValue;
  private final Function<byte[], ? extends V> decodeValue;

  /**
   * A map over {@code context}'s storage for the field named {@code field}.
   *
   * @param encodeValue the binding's encoder of the value type (a {@code @Persist} field message)
   * @param decodeValue its decoder, given only stored, non-null bytes
   */
  public StorageMap(
      ObjectContext context,
      String field,
      MapKeyCodec<K> keys,
      Function<? super V, byte[]> encodeValue,
      Function<byte[], ? extends V> decodeValue) {
    this.context = Objects.requireNonNull(context, "context");
    this.prefix = prefix(field);
    this.keys = Objects.requireNonNull(keys, "keys");
    this.encodeValue = Objects.requireNonNull(encodeValue, "encodeValue");
    this.decodeValue = Objects.requireNonNull(decodeValue, "decodeValue");
  }

  /** The storage key prefix of the entries of field {@code field}. */
  public static String prefix(String field) {
    return "\u0001m:" + Objects.requireNonNull(field, "field") + ":";
  }

  @Override
  public V get(K key) {
    byte[] value = storage().get(storageKey(key));
    return value == null ? null : decodeValue.apply(value);
  }

  @Override
  public void put(K key, V value) {
    String storageKey = storageKey(key);
    Objects.requireNonNull(value, "value (use remove to delete an entry)");
    storage().put(storageKey, encodeValue.apply(value));
  }

  @Override
  public boolean remove(K key) {
    return storage().delete(storageKey(key));
  }

  @Override
  public boolean containsKey(K key) {
    return storage().get(storageKey(key)) != null;
  }

  @Override
  public List<Map.Entry<K, V>> range(K fromInclusive, K toExclusive, boolean reverse, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("DurableMap.range: limit must be positive, got " + limit);
    }
    ListOptions options = ListOptions.all().prefix(prefix).limit(limit);
    if (fromInclusive != null) {
      options = options.start(storageKey(fromInclusive));
    }
    if (toExclusive != null) {
      options = options.end(storageKey(toExclusive));
    }
    if (reverse) {
      options = options.reverse();
    }
    Map<String, byte[]> listed = storage().list(options);
    List<Map.Entry<K, V>> entries = new ArrayList<>(listed.size());
    for (Map.Entry<String, byte[]> e : listed.entrySet()) {
      K key = keys.decode(e.getKey().substring(prefix.length()));
      entries.add(new AbstractMap.SimpleImmutableEntry<>(key, decodeValue.apply(e.getValue())));
    }
    return entries;
  }

  @Override
  public void clear() {
    Storage storage = storage();
    ListOptions batch = ListOptions.all().prefix(prefix).limit(CLEAR_BATCH);
    // Reads see the turn's own deletes, so each batch starts where the last one ended.
    for (Map<String, byte[]> listed; !(listed = storage.list(batch)).isEmpty(); ) {
      storage.delete(listed.keySet());
    }
  }

  @Override
  public String toString() {
    return "DurableMap[" + prefix.substring(1) + "]";
  }

  private String storageKey(K key) {
    return prefix + keys.encode(Objects.requireNonNull(key, "key"));
  }

  private Storage storage() {
    return context.storage();
  }
}
