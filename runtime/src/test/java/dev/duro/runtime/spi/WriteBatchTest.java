package dev.duro.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WriteBatchTest {
  @Test
  void roundTripsThroughItsBinaryForm() {
    WriteBatch b =
        WriteBatch.builder()
            .put(new byte[] {1, 2}, new byte[] {3})
            .delete(new byte[] {(byte) 0xff})
            .put(new byte[] {4}, new byte[0])
            .build();
    byte[] bytes = b.toBytes();
    WriteBatch back = WriteBatch.fromBytes(bytes);
    assertEquals(b, back);
    assertEquals(b.hashCode(), back.hashCode());
    assertEquals(3, back.size());
    assertArrayEquals(new byte[] {1, 2}, back.key(0));
    assertArrayEquals(new byte[] {3}, back.value(0));
    assertNull(back.value(1));
    assertArrayEquals(new byte[0], back.value(2));
    // The documented format: header, count, then kind/length-prefixed writes.
    assertArrayEquals(
        new byte[] {
          0x44, 1, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 2, 0, 0, 0, 1, 3, 2, 0, 0, 0, 1, -1, 1, 0, 0, 0, 1,
          4, 0, 0, 0, 0
        },
        bytes);
  }

  @Test
  void emptyBatch() {
    assertSame(WriteBatch.empty(), WriteBatch.builder().build());
    assertTrue(WriteBatch.fromBytes(WriteBatch.empty().toBytes()).isEmpty());
  }

  @Test
  void copiesInAndOut() {
    byte[] key = {1};
    byte[] value = {2};
    WriteBatch b = WriteBatch.builder().put(key, value).build();
    key[0] = 9;
    value[0] = 9;
    assertArrayEquals(new byte[] {1}, b.key(0));
    b.key(0)[0] = 7;
    b.value(0)[0] = 7;
    assertArrayEquals(new byte[] {2}, b.value(0));
  }

  @Test
  void rejectsMalformedInput() {
    byte[] good = WriteBatch.builder().put(new byte[] {1}, new byte[] {2}).build().toBytes();
    assertMalformed(new byte[0], "header");
    assertMalformed(new byte[] {0x45, 1, 0, 0, 0, 0}, "header");
    assertMalformed(new byte[] {0x44, 2, 0, 0, 0, 0}, "version 2");
    assertMalformed(new byte[] {0x44, 1, 0x7f, 0, 0, 0}, "invalid count");
    assertMalformed(Arrays.copyOf(good, good.length - 1), "exceeds the input");
    assertMalformed(Arrays.copyOf(good, good.length + 1), "after the last write");
    byte[] badKind = good.clone();
    badKind[6] = 3;
    assertMalformed(badKind, "unknown write kind 3");
    byte[] hugeLength = good.clone();
    hugeLength[7] = 0x7f;
    assertMalformed(hugeLength, "exceeds the input");
  }

  private static void assertMalformed(byte[] bytes, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WriteBatch.fromBytes(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
