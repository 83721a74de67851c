package dev.duro.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
  @Test
  void printableAsciiPassesUnchanged() {
    String plain = "alice-Bob_42/x?y=z&[]{}~!";
    assertSame(plain, PercentEncoding.encode(plain));
    assertSame(plain, PercentEncoding.decodeStrict(plain));
  }

  @Test
  void escapesPercentSpaceControlAndNonAscii() {
    assertEquals("caf%C3%A9%2050%25", PercentEncoding.encode("café 50%"));
    assertEquals("a%09b%0A", PercentEncoding.encode("a\tb\n"));
    assertEquals("%F0%9F%99%82", PercentEncoding.encode("🙂"));
    assertEquals("", PercentEncoding.encode(""));
  }

  @Test
  void randomTextRoundTrips() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      while (text.length() < length) {
        int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x10ffff);
        if (cp < 0xd800 || cp > 0xdfff) {
          text.appendCodePoint(cp);
        }
      }
      String encoded = PercentEncoding.encode(text.toString());
      assertTrue(encoded.chars().allMatch(c -> c > 0x20 && c < 0x7f), encoded);
      assertEquals(text.toString(), PercentEncoding.decodeStrict(encoded));
    }
  }

  @Test
  void decodingAcceptsLowerCaseHexAndLiteralSpaces() {
    assertEquals("é é", PercentEncoding.decodeStrict("%c3%a9 %C3%A9"));
  }

  @Test
  void strictDecodingRejectsMalformedInput() {
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodeStrict("100%"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodeStrict("%4"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodeStrict("%zz"));
    IllegalArgumentException utf8 =
        assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodeStrict("%FF%41"));
    assertTrue(utf8.getMessage().contains("UTF-8"), utf8.getMessage());
    assertEquals("100%", PercentEncoding.decodeLenient("100%"));
    assertEquals("é", PercentEncoding.decodeLenient("%C3%A9"));
  }

  @Test
  void truncateCutsOnCharacterBoundaries() {
    assertSame("short", PercentEncoding.truncate("short", 10));
    assertEquals("abc...", PercentEncoding.truncate("abcdef", 3));
    // 'é' is two bytes: 5 bytes fit two of them, never half of the third.
    assertEquals("éé...", PercentEncoding.truncate("éééé", 5));
    // A surrogate pair is one four-byte character.
    assertEquals("a...", PercentEncoding.truncate("a🙂🙂", 4));
    String cut = PercentEncoding.truncate("x".repeat(5000), ErrorMapping.MAX_MESSAGE_BYTES);
    assertEquals(ErrorMapping.MAX_MESSAGE_BYTES + 3, cut.getBytes(StandardCharsets.UTF_8).length);
  }
}
