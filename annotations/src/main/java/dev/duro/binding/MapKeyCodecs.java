package dev.duro.binding;

import dev.duro.codec.CodecException;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@link MapKeyCodec}s of every supported {@link dev.duro.DurableMap} key type. Each encoding
 * is a string whose UTF-8 bytes, compared unsigned, sort exactly like the keys:
 *
 * <ul>
 *   <li>{@code String}: itself (code point order).
 *   <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}: the two's complement value with
 *       the sign bit flipped, as 16, 8, 4 or 2 lowercase hex digits (signed numeric order).
 *   <li>{@link Instant}: the epoch seconds like a {@code Long}, then the nanoseconds as 8 hex
 *       digits (chronological order).
 *   <li>{@link UUID}: its 32 hex digits, most significant half first (unsigned 128-bit order, not
 *       {@link UUID#compareTo}).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class MapKeyCodecs {
  private MapKeyCodecs() {}

  /** {@code String} keys, stored as they are. */
  public static final MapKeyCodec<String> STRING =
      new MapKeyCodec<>() {
        @Override
        public String encode(String key) {
          return key;
        }

        @Override
        public String decode(String encoded) {
          return encoded;
        }
      };

  /** {@code Long} keys. */
  public static final MapKeyCodec<Long> LONG =
      new MapKeyCodec<>() {
        @Override
        public String encode(Long key) {
          return hex(key ^ Long.MIN_VALUE, 16);
        }

        @Override
        public Long decode(String encoded) {
          return parseHex(encoded, 16) ^ Long.MIN_VALUE;
        }
      };

  /** {@code Integer} keys. */
  public static final MapKeyCodec<Integer> INTEGER =
      new MapKeyCodec<>() {
        @Override
        public String encode(Integer key) {
          return hex((key ^ Integer.MIN_VALUE) & 0xffff_ffffL, 8);
        }

        @Override
        public Integer decode(String encoded) {
          return (int) parseHex(encoded, 8) ^ Integer.MIN_VALUE;
        }
      };

  /** {@code Short} keys. */
  public static final MapKeyCodec<Short> SHORT =
      new MapKeyCodec<>() {
        @Override
        public String encode(Short key) {
          return hex((key ^ Short.MIN_VALUE) & 0xffffL, 4);
        }

        @Override
        public Short decode(String encoded) {
          return (short) (parseHex(encoded, 4) ^ Short.MIN_VALUE);
        }
      };

  /** {@code Byte} keys. */
  public static final MapKeyCodec<Byte> BYTE =
      new MapKeyCodec<>() {
        @Override
        public String encode(Byte key) {
          return hex((key ^ Byte.MIN_VALUE) & 0xffL, 2);
        }

        @Override
        public Byte decode(String encoded) {
          return (byte) (parseHex(encoded, 2) ^ Byte.MIN_VALUE);
        }
      };

  /** {@link Instant} keys. */
  public static final MapKeyCodec<Instant> INSTANT =
      new MapKeyCodec<>() {
        @Override
        public String encode(Instant key) {
          return hex(key.getEpochSecond() ^ Long.MIN_VALUE, 16) + hex(key.getNano(), 8);
        }

        @Override
        public Instant decode(String encoded) {
          if (encoded.length() != 24) {
            throw malformed(encoded);
          }
          long seconds = parseHex(encoded, 0, 16) ^ Long.MIN_VALUE;
          long nanos = parseHex(encoded, 16, 8);
          if (nanos > 999_999_999) {
            throw malformed(encoded);
          }
          try {
            return Instant.ofEpochSecond(seconds, nanos);
          } catch (RuntimeException e) {
            throw malformed(encoded);
          }
        }
      };

  /** {@link UUID} keys. */
  public static final MapKeyCodec<UUID> UUID =
      new MapKeyCodec<>() {
        @Override
        public String encode(java.util.UUID key) {
          return hex(key.getMostSignificantBits(), 16) + hex(key.getLeastSignificantBits(), 16);
        }

        @Override
        public java.util.UUID decode(String encoded) {
          if (encoded.length() != 32) {
            throw malformed(encoded);
          }
          return new java.util.UUID(parseHex(encoded, 0, 16), parseHex(encoded, 16, 16));
        }
      };

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /** The low {@code width * 4} bits of {@code value} as exactly {@code width} hex digits. */
  private static String hex(long value, int width) {
    char[] out = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      out[i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
    return new String(out);
  }

  /** Parses {@code s}, which must be exactly {@code width} lowercase hex digits. */
  private static long parseHex(String s, int width) {
    if (s.length() != width) {
      throw malformed(s);
    }
    return parseHex(s, 0, width);
  }

  /** Parses the {@code width} lowercase hex digits at {@code from}; the caller checked length. */
  private static long parseHex(String s, int from, int width) {
    long value = 0;
    for (int i = from; i < from + width; i++) {
      char c = s.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else {
        throw malformed(s);
      }
      value = (value << 4) | d;
    }
    return value;
  }

  private static CodecException malformed(String encoded) {
    return new CodecException("Malformed DurableMap key: \"" + encoded + "\"");
  }
}
