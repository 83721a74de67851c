package dev.duro.runtime.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {
  private final ObjectId id = NamespaceKey.of("ns.Thing").idFromName("x");
  private final byte[] prefix = KeyLayout.objectPrefix("ns.Thing", id);

  @Test
  void objectKeysShareThePrefixAndAreGroupedByKind() {
    assertEquals(2 + 8 + 32, prefix.length);
    assertEquals(KeyLayout.OBJECT, prefix[0]);
    assertEquals(8, prefix[1]);
    byte[] field = KeyLayout.field(prefix, "zzz");
    byte[] storage = KeyLayout.storage(prefix, "aaa");
    byte[] alarm = KeyLayout.alarm(prefix);
    for (byte[] k : List.of(field, storage, alarm)) {
      assertTrue(UnsignedBytes.startsWith(k, prefix));
    }
    assertTrue(UnsignedBytes.compare(field, storage) < 0);
    assertTrue(UnsignedBytes.compare(storage, alarm) < 0);
  }

  @Test
  void alarmIndexIsOrderedByTimeIncludingNegativeTimes() {
    long[] times = {Long.MIN_VALUE, -5000, -1, 0, 1, 1_893_456_000_000L, Long.MAX_VALUE};
    List<byte[]> keys = new ArrayList<>();
    for (long t : times) {
      keys.add(KeyLayout.alarmIndex(t, prefix));
    }
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(UnsignedBytes.compare(keys.get(i - 1), keys.get(i)) < 0, "at " + i);
      assertTrue(UnsignedBytes.compare(KeyLayout.alarmIndexStart(), keys.get(i)) < 0);
      assertTrue(UnsignedBytes.compare(keys.get(i), KeyLayout.alarmIndexEnd()) < 0);
    }
  }

  @Test
  void alarmIndexEntriesDecode() {
    byte[] key = KeyLayout.alarmIndex(-42, prefix);
    KeyLayout.IndexEntry named = KeyLayout.parseAlarmIndex(key, KeyLayout.alarmIndexValue(id));
    assertEquals(-42, named.timeMillis());
    assertEquals("ns.Thing", named.namespace());
    assertEquals(id, named.id());
    assertEquals("x", named.id().name().orElseThrow());
    ObjectId unnamed = ObjectId.fromBytes(id.toBytes());
    KeyLayout.IndexEntry anonymous =
        KeyLayout.parseAlarmIndex(key, KeyLayout.alarmIndexValue(unnamed));
    assertTrue(anonymous.id().name().isEmpty());
    assertThrows(
        IllegalArgumentException.class, () -> KeyLayout.parseAlarmIndex(prefix, new byte[0]));
  }

  @Test
  void alarmValuesRoundTrip() {
    assertEquals(123L, KeyLayout.parseAlarmValue(KeyLayout.alarmValue(123)));
    assertEquals(-7L, KeyLayout.parseAlarmValue(KeyLayout.alarmValue(-7)));
    assertNull(KeyLayout.parseAlarmValue(null));
  }

  @Test
  void rejectsNamespacesTooLongForTheLayout() {
    String longName = "n".repeat(256);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.objectPrefix(longName, id));
    assertTrue(e.getMessage().contains("at most 255"));
  }

  @Test
  void unsignedOrder() {
    assertTrue(UnsignedBytes.compare(new byte[] {0x7f}, new byte[] {(byte) 0x80}) < 0);
    assertTrue(UnsignedBytes.compare(new byte[] {1}, new byte[] {1, 0}) < 0);
    assertEquals(0, UnsignedBytes.compare(new byte[] {1, 2}, new byte[] {1, 2}));
    assertArrayEquals(new byte[] {2}, KeyLayout.alarmIndexStart());
  }
}
