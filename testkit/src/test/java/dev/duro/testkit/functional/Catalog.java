package dev.duro.testkit.functional;

import dev.duro.DurableMap;
import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Durable maps of every kind of key, beside a {@code @Persist} field. */
@DurableObject("Catalog")
public class Catalog {
  /** A record value, so map values go through the generated codecs. */
  public record Item(String name, List<String> tags) {}

  DurableMap<Long, String> byNumber;
  DurableMap<String, Item> byName;
  DurableMap<Instant, Integer> byTime;
  DurableMap<UUID, Short> byId;
  DurableMap<Integer, String> byInt;
  DurableMap<Short, String> byShort;
  DurableMap<Byte, String> byByte;
  @Persist long writes;

  @Rpc
  public void put(long key, String value) {
    byNumber.put(key, value);
    writes++;
  }

  /** Puts, then fails: the put must be rolled back with the turn. */
  @Rpc
  public void putThenFail(long key, String value) {
    byNumber.put(key, value);
    writes++;
    throw new IllegalStateException("failing after put " + key);
  }

  @Rpc
  public String get(long key) {
    return byNumber.get(key);
  }

  /** {@code key=value} strings of {@code byNumber.range(...)}. */
  @Rpc
  public List<String> range(Long from, Long to, boolean reverse, int limit) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Long, String> e : byNumber.range(from, to, reverse, limit)) {
      out.add(e.getKey() + "=" + e.getValue());
    }
    return out;
  }
}
