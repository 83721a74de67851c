package dev.duro.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueCodecsTest {
  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    ValueCodec<T> c = ValueCodecs.forValue(value);
    return c.decode(c.encode(value));
  }

  @Test
  void builtInTypesRoundTrip() {
    for (Object v :
        List.of(
            "héllo",
            "",
            true,
            false,
            42,
            -7,
            Long.MIN_VALUE,
            1.5f,
            -2.25d,
            Instant.parse("2026-11-23T10:15:30.123456789Z"),
            Duration.ofMillis(-1500),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))) {
      assertEquals(v, roundTrip(v), "round trip of " + v.getClass().getSimpleName());
    }
    assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(new byte[] {1, 2, 3}));
  }

  @Test
  void valuesAreMessagesWithTheValueInField1() {
    byte[] encoded = ValueCodecs.forClass(Long.class).encode(150L);
    assertArrayEquals(new byte[] {0x08, (byte) 0x96, 0x01}, encoded);
    // Unknown fields (a newer writer) are skipped.
    byte[] withExtra = new ProtoWriter().writeInt64(1, 7).writeString(9, "new").toByteArray();
    assertEquals(7L, ValueCodecs.forClass(Long.class).decode(withExtra));
    // An empty message (what proto3 writers send for a default) reads as the default.
    assertEquals(0, ValueCodecs.forClass(Integer.class).decode(new byte[0]));
    assertEquals("", ValueCodecs.forClass(String.class).decode(new byte[0]));
  }

  @Test
  void unknownTypesAndPrimitivesGetClearErrors() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueCodecs.forClass(Thread.class));
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    assertTrue(e.getMessage().contains("storageTypes"), e.getMessage());
    IllegalArgumentException p =
        assertThrows(IllegalArgumentException.class, () -> ValueCodecs.forClass(long.class));
    assertTrue(p.getMessage().contains("wrapper"), p.getMessage());
  }

  @Test
  void registeredCodecsAreFoundAndTheFirstStays() {
    record Point(int x, int y) {}
    ValueCodec<Point> first =
        ValueCodec.of(
            Point.class,
            p -> new ProtoWriter().writeInt32(1, p.x()).writeInt32(2, p.y()).toByteArray(),
            b -> {
              ProtoReader r = new ProtoReader(b);
              int x = 0;
              int y = 0;
              while (!r.isAtEnd()) {
                int tag = r.readTag();
                if (tag >>> 3 == 1) {
                  x = r.readInt32(tag);
                } else if (tag >>> 3 == 2) {
                  y = r.readInt32(tag);
                } else {
                  r.skip(tag);
                }
              }
              return new Point(x, y);
            });
    ValueCodecs.register(first);
    ValueCodecs.register(ValueCodec.of(Point.class, p -> new byte[0], b -> null));
    assertEquals(first, ValueCodecs.forClass(Point.class));
    assertEquals(new Point(3, -4), roundTrip(new Point(3, -4)));
  }

  @Test
  void malformedBytesFailWithCodecException() {
    byte[] truncated = {0x0a, 0x05, 'a'};
    assertThrows(CodecException.class, () -> ValueCodecs.forClass(String.class).decode(truncated));
  }
}
