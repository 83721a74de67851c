package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DurableMap;
import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import dev.duro.testkit.StoredObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@code DurableMap} fields bound by the generated binding over the runtime's real storage. */
@DuroTest
class DurableMapTest {
  DuroTestKit kit;

  private CatalogStub catalog(String name) {
    return kit.namespace(CatalogNamespace::of).get(name);
  }

  private static <K> List<K> keysOf(List<? extends Map.Entry<K, ?>> entries) {
    List<K> keys = new ArrayList<>();
    for (Map.Entry<K, ?> e : entries) {
      keys.add(e.getKey());
    }
    return keys;
  }

  @Test
  void putGetRemoveContainsKey() {
    CatalogStub c = catalog("a");
    c.put(7, "seven");
    assertEquals("seven", c.get(7));
    assertNull(c.get(8));
    kit.runInObject(
        c,
        Catalog.class,
        (o, ctx) -> {
          assertTrue(o.byNumber.containsKey(7L));
          assertFalse(o.byNumber.containsKey(8L));
          o.byNumber.put(7L, "SEVEN");
          assertEquals("SEVEN", o.byNumber.get(7L), "a turn reads its own writes");
          assertTrue(o.byNumber.remove(7L));
          assertFalse(o.byNumber.remove(7L));
          assertNull(o.byNumber.get(7L));
          o.byName.put("pen", new Catalog.Item("pen", List.of("blue", "cheap")));
        });
    assertNull(c.get(7));
    Catalog.Item pen = kit.callInObject(c, Catalog.class, (o, ctx) -> o.byName.get("pen"));
    assertEquals(new Catalog.Item("pen", List.of("blue", "cheap")), pen);
  }

  @Test
  void rangeHonoursFromToReverseAndLimitWithSignedKeys() {
    CatalogStub c = catalog("r");
    List<Long> keys = LongStream.rangeClosed(-5, 5).boxed().collect(Collectors.toList());
    Collections.shuffle(keys, new Random(1));
    for (long k : keys) {
      c.put(k, "v" + k);
    }
    c.put(Long.MIN_VALUE, "min");
    c.put(Long.MAX_VALUE, "max");
    List<String> all = c.range(null, null, false, Integer.MAX_VALUE);
    assertEquals(13, all.size());
    assertEquals(Long.MIN_VALUE + "=min", all.get(0));
    assertEquals("-5=v-5", all.get(1));
    assertEquals("5=v5", all.get(11));
    assertEquals(Long.MAX_VALUE + "=max", all.get(12));
    assertEquals(List.of("-2=v-2", "-1=v-1", "0=v0", "1=v1", "2=v2"), c.range(-2L, 3L, false, 100));
    assertEquals(List.of("2=v2", "1=v1", "0=v0"), c.range(-2L, 3L, true, 3));
    assertEquals(List.of(Long.MAX_VALUE + "=max", "5=v5"), c.range(0L, null, true, 2));
    assertEquals(List.of(Long.MIN_VALUE + "=min", "-5=v-5"), c.range(null, 0L, false, 2));
    assertEquals(List.of(), c.range(3L, 3L, false, 10));
    assertEquals(List.of(), c.range(4L, -4L, false, 10));
  }

  @Test
  void instantUuidStringAndSmallIntegerKeysComeInDocumentedOrder() {
    CatalogStub c = catalog("o");
    Random random = new Random(42);
    List<Instant> instants = new ArrayList<>();
    List<UUID> uuids = new ArrayList<>();
    List<String> strings = new ArrayList<>(List.of("", "a", "ab", "b", "\uFFFF", "\uD83D\uDE00"));
    List<Integer> ints = new ArrayList<>(List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    for (int i = 0; i < 200; i++) {
      instants.add(Instant.ofEpochSecond(random.nextInt() * 1000L, random.nextInt(1_000_000_000)));
      uuids.add(new UUID(random.nextLong(), random.nextLong()));
      strings.add(Long.toString(random.nextLong(), 36));
      ints.add(random.nextInt());
    }
    instants.add(Instant.EPOCH.minusNanos(1));
    instants.add(Instant.EPOCH);
    kit.runInObject(
        c,
        Catalog.class,
        (o, ctx) -> {
          for (int i = 0; i < instants.size(); i++) {
            o.byTime.put(instants.get(i), i);
          }
          for (UUID u : uuids) {
            o.byId.put(u, (short) 1);
          }
          for (String s : strings) {
            o.byName.put(s, new Catalog.Item(s, List.of()));
          }
          for (int i : ints) {
            o.byInt.put(i, "i");
          }
          for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s += 4099) {
            o.byShort.put((short) s, "s");
          }
          for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b += 7) {
            o.byByte.put((byte) b, "b");
          }
        });
    kit.runInObject(
        c,
        Catalog.class,
        (o, ctx) -> {
          List<Instant> sortedInstants =
              instants.stream().distinct().sorted().collect(Collectors.toList());
          assertEquals(sortedInstants, keysOf(o.byTime.entries()));
          List<UUID> unsigned = uuids.stream().distinct().collect(Collectors.toList());
          unsigned.sort(
              Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
                  .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));
          assertEquals(unsigned, keysOf(o.byId.entries()));
          List<String> codePointOrder = strings.stream().distinct().collect(Collectors.toList());
          codePointOrder.sort(
              (x, y) -> Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray()));
          assertEquals(codePointOrder, keysOf(o.byName.entries()));
          List<Integer> sortedInts = ints.stream().distinct().sorted().collect(Collectors.toList());
          assertEquals(sortedInts, keysOf(o.byInt.entries()));
          List<Short> shorts = keysOf(o.byShort.entries());
          assertEquals(Short.MIN_VALUE, (short) shorts.get(0));
          assertTrue(isSorted(shorts), shorts.toString());
          List<Byte> bytes = keysOf(o.byByte.entries());
          assertEquals(Byte.MIN_VALUE, (byte) bytes.get(0));
          assertTrue(isSorted(bytes), bytes.toString());
          assertEquals(
              Instant.EPOCH.minusNanos(1),
              o.byTime.range(null, Instant.EPOCH, true, 1).get(0).getKey(),
              "the instant just before the epoch sorts just before it");
        });
  }

  private static <T extends Comparable<T>> boolean isSorted(List<T> list) {
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void writesOfAThrowingTurnAreRolledBack() {
    CatalogStub c = catalog("t");
    c.put(1, "one");
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> c.putThenFail(2, "two"));
    assertTrue(e.getMessage().contains("failing after put 2"), e.getMessage());
    assertNull(c.get(2));
    assertThrows(
        IllegalStateException.class,
        () ->
            kit.runInObject(
                c,
                Catalog.class,
                (o, ctx) -> {
                  o.byNumber.put(1L, "changed");
                  o.byNumber.clear();
                  throw new IllegalStateException("abort");
                }));
    assertEquals("one", c.get(1));
    assertEquals(List.of("1=one"), c.range(null, null, false, 10));
    long writes = kit.callInObject(c, Catalog.class, (o, ctx) -> o.writes);
    assertEquals(1L, writes, "the @Persist field rolled back with the map");
  }

  @Test
  void aFailedNestedTransactionUndoesOnlyItsMapWrites() {
    CatalogStub c = catalog("n");
    kit.runInObject(
        c,
        Catalog.class,
        (o, ctx) -> {
          o.byNumber.put(1L, "kept");
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ctx.storage()
                      .transaction(
                          storage -> {
                            o.byNumber.put(2L, "undone");
                            throw new IllegalArgumentException("inner");
                          }));
          assertNull(o.byNumber.get(2L));
        });
    assertEquals(List.of("1=kept"), c.range(null, null, false, 10));
  }

  @Test
  void entriesSurviveEvictionAndRestart() {
    CatalogStub c = catalog("e");
    c.put(-1, "minus one");
    c.put(10, "ten");
    kit.runInObject(
        c, Catalog.class, (o, ctx) -> o.byName.put("k", new Catalog.Item("k", List.of("x"))));
    assertTrue(kit.evictAll() >= 1);
    assertEquals(0, kit.activeObjectCount());
    assertEquals(List.of("-1=minus one", "10=ten"), c.range(null, null, false, 10));
    kit.restart();
    assertEquals("ten", c.get(10));
    assertEquals(List.of("10=ten", "-1=minus one"), c.range(null, null, true, 10));
    assertEquals(
        new Catalog.Item("k", List.of("x")),
        kit.callInObject(c, Catalog.class, (o, ctx) -> o.byName.get("k")));
  }

  @Test
  void clearRemovesEveryEntryOfOneMapOnly() {
    CatalogStub c = catalog("c");
    kit.runInObject(
        c,
        Catalog.class,
        (o, ctx) -> {
          // More than one batch of the clear loop.
          for (long k = 0; k < 700; k++) {
            o.byNumber.put(k, "v");
          }
          o.byInt.put(1, "other map");
          ctx.storage().put("user", new byte[] {1});
        });
    kit.runInObject(c, Catalog.class, (o, ctx) -> o.byNumber.clear());
    assertEquals(List.of(), c.range(null, null, false, 10));
    StoredObject stored = kit.storage(c);
    assertEquals(
        List.of("\u0001m:byInt:80000001", "user"), new ArrayList<>(stored.entries().keySet()));
  }

  @Test
  void entriesAreStorageKeysUnderTheDocumentedPrefix() {
    CatalogStub c = catalog("p");
    c.put(5, "five");
    c.put(-1, "minus one");
    StoredObject stored = kit.storage(c);
    assertEquals(
        List.of("\u0001m:byNumber:7fffffffffffffff", "\u0001m:byNumber:8000000000000005"),
        new ArrayList<>(stored.entries().keySet()));
    // A detached copy (no storage) can still be built: the binding reads storage only when used.
    Catalog copy = stored.fields(Catalog.class);
    assertEquals(2L, copy.writes);
    assertThrows(IllegalStateException.class, () -> copy.byNumber.get(5L));
  }

  @Test
  void misuseIsRejected() {
    CatalogStub c = catalog("m");
    c.put(1, "one");
    DurableMap<Long, String> escaped =
        kit.callInObject(
            c,
            Catalog.class,
            (o, ctx) -> {
              assertThrows(NullPointerException.class, () -> o.byNumber.put(2L, null));
              assertThrows(NullPointerException.class, () -> o.byNumber.put(null, "x"));
              assertThrows(NullPointerException.class, () -> o.byNumber.get(null));
              assertThrows(
                  IllegalArgumentException.class, () -> o.byNumber.range(null, null, false, 0));
              return o.byNumber;
            });
    assertThrows(IllegalStateException.class, () -> escaped.get(1L), "outside a turn");
    assertNull(c.get(2));
  }
}
