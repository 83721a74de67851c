package dev.duro.runtime.internal.activation;

import dev.duro.ObjectId;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.spi.StorageEngine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads committed object state straight from the storage engine, for tools and the test kit: which
 * objects of a namespace have state, and what one object has stored. Reads never activate an object
 * and see only durable data (not writes of a commit still in flight).
 */
final class StoredObjects {
  private final StorageEngine storage;

  StoredObjects(StorageEngine storage) {
    this.storage = storage;
  }

  /**
   * The objects of {@code namespace} with any stored field, storage entry or alarm, in key order of
   * their ids; each with its name when the object's stored name, its alarm index entry (for data
   * written before names were stored) or {@code knownName} knows it.
   */
  List<ObjectId> list(String namespace, Function<ObjectId, @Nullable ObjectId> knownName) {
    byte[] nsPrefix = namespacePrefix(namespace);
    byte[] end = KeyLayout.prefixEnd(nsPrefix);
    int idFrom = nsPrefix.length;
    int prefixLength = idFrom + ObjectId.LENGTH;
    List<Found> found = new ArrayList<>();
    // The keys of one object are contiguous: fields, storage entries, alarm, name.
    Found[] current = {null};
    storage.scan(
        nsPrefix,
        end,
        (k, v) -> {
          if (k.length < prefixLength) {
            return true;
          }
          Found f = current[0];
          if (f == null || !Arrays.equals(k, idFrom, prefixLength, f.id, 0, ObjectId.LENGTH)) {
            f = new Found(Arrays.copyOfRange(k, idFrom, prefixLength));
            current[0] = f;
            found.add(f);
          }
          if (KeyLayout.isName(k, prefixLength)) {
            f.name = KeyLayout.parseName(v);
          } else {
            f.hasState = true;
            if (KeyLayout.isAlarm(k, prefixLength)) {
              f.alarm = KeyLayout.parseAlarmValue(v);
            }
          }
          return true;
        });
    List<ObjectId> out = new ArrayList<>(found.size());
    for (Found f : found) {
      if (!f.hasState) {
        continue; // a stored name alone is not state
      }
      ObjectId plain = ObjectId.fromBytes(f.id);
      String n = f.name;
      if (n == null && f.alarm != null) {
        n = nameFromAlarmIndex(namespace, plain, f.alarm);
      }
      if (n == null) {
        ObjectId known = knownName.apply(plain);
        n = known == null ? null : known.name().orElse(null);
      }
      out.add(n == null ? plain : ObjectId.fromBytes(f.id, n));
    }
    return Collections.unmodifiableList(out);
  }

  /** What the scan of {@link #list} found for one object. */
  private static final class Found {
    final byte[] id;
    @Nullable String name;
    @Nullable Long alarm;
    boolean hasState;

    Found(byte[] id) {
      this.id = id;
    }
  }

  /** The name the alarm index entry of an object remembers, if any. */
  private @Nullable String nameFromAlarmIndex(String namespace, ObjectId id, long alarmMillis) {
    byte[] key = KeyLayout.alarmIndex(alarmMillis, KeyLayout.objectPrefix(namespace, id));
    byte[] value = storage.get(key);
    if (value == null) {
      return null;
    }
    try {
      return KeyLayout.parseAlarmIndex(key, value).id().name().orElse(null);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /** The committed {@code @Persist} field encodings of an object, by field name. */
  Map<String, byte[]> fields(String namespace, ObjectId id) {
    byte[] prefix = KeyLayout.objectPrefix(namespace, id);
    byte[] from = KeyLayout.field(prefix, "");
    Map<String, byte[]> out = new LinkedHashMap<>();
    storage.scan(
        from,
        KeyLayout.prefixEnd(from),
        (k, v) -> {
          out.put(new String(k, from.length, k.length - from.length, StandardCharsets.UTF_8), v);
          return true;
        });
    return Collections.unmodifiableMap(out);
  }

  /** The committed storage entries of an object, ordered by the unsigned bytes of their keys. */
  SortedMap<String, byte[]> entries(String namespace, ObjectId id) {
    byte[] prefix = KeyLayout.objectPrefix(namespace, id);
    // Key order is UTF-8 byte order; a String comparator would disagree beyond the BMP.
    SortedMap<String, byte[]> out =
        new TreeMap<>(
            (a, b) ->
                Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    storage.scan(
        KeyLayout.storageStart(prefix),
        KeyLayout.storageEnd(prefix),
        (k, v) -> {
          out.put(KeyLayout.storageUserKey(prefix, k), v);
          return true;
        });
    return Collections.unmodifiableSortedMap(out);
  }

  /** The committed alarm time of an object. */
  Optional<Instant> alarm(String namespace, ObjectId id) {
    Long millis =
        KeyLayout.parseAlarmValue(
            storage.get(KeyLayout.alarm(KeyLayout.objectPrefix(namespace, id))));
    return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** {@code 0x01 | nsLen | ns}: the start of every key of the namespace's objects. */
  private static byte[] namespacePrefix(String namespace) {
    byte[] objectPrefix = KeyLayout.objectPrefix(namespace, ObjectId.fromBytes(new byte[32]));
    return Arrays.copyOf(objectPrefix, objectPrefix.length - ObjectId.LENGTH);
  }
}
