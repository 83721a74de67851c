package test;

import dev.duro.*;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@DurableObject
public class Ledger {
  public record Entry(String memo, long cents) {}

  DurableMap<String, Entry> byName;
  DurableMap<Long, Long> byNumber;
  DurableMap<Integer, String> byInt;
  DurableMap<Short, List<String>> byShort;
  DurableMap<Byte, byte[]> byByte;
  DurableMap<Instant, Entry> byTime;
  DurableMap<UUID, Instant> byId;
  @Persist long total;

  @Rpc
  public void add(String name, Entry entry) {
    byName.put(name, entry);
    total += entry.cents();
  }
}
