package dev.duro.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.codec.CodecException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MapKeyCodecsTest {
  private static final Random RANDOM = new Random(20261123);

  /** How the storage orders keys: the unsigned bytes of their UTF-8 form. */
  private static final Comparator<String> STORAGE_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private static <K> void assertOrderPreserved(
      MapKeyCodec<K> codec, Comparator<K> natural, Supplier<K> random, List<K> edges) {
    List<K> keys = new ArrayList<>(edges);
    for (int i = 0; i < 5000; i++) {
      keys.add(random.get());
    }
    for (K k : keys) {
      assertEquals(k, codec.decode(codec.encode(k)), "round trip of " + k);
    }
    List<K> byNatural = new ArrayList<>(keys);
    byNatural.sort(natural);
    List<K> byEncoding = new ArrayList<>(keys);
    byEncoding.sort(Comparator.comparing(codec::encode, STORAGE_ORDER));
    assertEquals(byNatural, byEncoding);
  }

  @Test
  void longOrderIsSignedNumericOrder() {
    assertOrderPreserved(
        MapKeyCodecs.LONG,
        Comparator.naturalOrder(),
        () -> RANDOM.nextInt(4) == 0 ? (long) RANDOM.nextInt(200) - 100 : RANDOM.nextLong(),
        List.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE));
    assertEquals("8000000000000000", MapKeyCodecs.LONG.encode(0L));
  }

  @Test
  void intShortByteOrderIsSignedNumericOrder() {
    assertOrderPreserved(
        MapKeyCodecs.INTEGER,
        Comparator.naturalOrder(),
        RANDOM::nextInt,
        List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    assertOrderPreserved(
        MapKeyCodecs.SHORT,
        Comparator.naturalOrder(),
        () -> (short) RANDOM.nextInt(),
        List.of(Short.MIN_VALUE, (short) -1, (short) 0, (short) 1, Short.MAX_VALUE));
    assertOrderPreserved(
        MapKeyCodecs.BYTE,
        Comparator.naturalOrder(),
        () -> (byte) RANDOM.nextInt(),
        List.of(Byte.MIN_VALUE, (byte) -1, (byte) 0, (byte) 1, Byte.MAX_VALUE));
  }

  @Test
  void instantOrderIsChronological() {
    assertOrderPreserved(
        MapKeyCodecs.INSTANT,
        Comparator.naturalOrder(),
        () ->
            Instant.ofEpochSecond(
                RANDOM.nextLong() % Instant.MAX.getEpochSecond(), RANDOM.nextInt(1_000_000_000)),
        List.of(
            Instant.MIN,
            Instant.EPOCH.minusNanos(1),
            Instant.EPOCH,
            Instant.EPOCH.plusNanos(1),
            Instant.MAX));
  }

  @Test
  void uuidOrderIsUnsignedNotUuidCompareTo() {
    Comparator<UUID> unsigned =
        Comparator.comparing(
                (UUID u) -> u.getMostSignificantBits(), (a, b) -> Long.compareUnsigned(a, b))
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    assertOrderPreserved(
        MapKeyCodecs.UUID,
        unsigned,
        () -> new UUID(RANDOM.nextLong(), RANDOM.nextLong()),
        List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0), UUID.randomUUID()));
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000000");
    // UUID.compareTo compares signed halves, so it calls the high one smaller; the map does not.
    assertEquals(-1, high.compareTo(low));
    assertEquals(
        1,
        Integer.signum(
            STORAGE_ORDER.compare(MapKeyCodecs.UUID.encode(high), MapKeyCodecs.UUID.encode(low))));
  }

  @Test
  void stringOrderIsCodePointOrder() {
    Comparator<String> codePoints =
        (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    assertOrderPreserved(
        MapKeyCodecs.STRING,
        codePoints,
        () -> {
          StringBuilder s = new StringBuilder();
          int n = RANDOM.nextInt(6);
          for (int i = 0; i < n; i++) {
            int kind = RANDOM.nextInt(3);
            s.appendCodePoint(
                kind == 0
                    ? 'a' + RANDOM.nextInt(4)
                    : kind == 1 ? 0xE000 + RANDOM.nextInt(4) : 0x1F600 + RANDOM.nextInt(4));
          }
          return s.toString();
        },
        List.of("", "a", "ab", "b", "\uFFFF", "\uD83D\uDE00"));
  }

  @Test
  void malformedKeysThrowCodecException() {
    assertThrows(CodecException.class, () -> MapKeyCodecs.LONG.decode("80000000"));
    assertThrows(CodecException.class, () -> MapKeyCodecs.LONG.decode("800000000000000G"));
    assertThrows(CodecException.class, () -> MapKeyCodecs.INTEGER.decode("8000000A"));
    assertThrows(CodecException.class, () -> MapKeyCodecs.SHORT.decode("80000"));
    assertThrows(CodecException.class, () -> MapKeyCodecs.BYTE.decode(""));
    assertThrows(CodecException.class, () -> MapKeyCodecs.UUID.decode("00"));
    // Nanoseconds above 999,999,999 are not an instant.
    assertThrows(
        CodecException.class, () -> MapKeyCodecs.INSTANT.decode("8000000000000000" + "ffffffff"));
  }
}
