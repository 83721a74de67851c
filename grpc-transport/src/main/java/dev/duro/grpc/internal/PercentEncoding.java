package dev.duro.grpc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of UTF-8 text for ASCII metadata values, the scheme gRPC itself uses for {@code
 * grpc-message}: every byte outside {@code 0x21..0x7E}, and {@code '%'} itself, becomes {@code %XX}
 * (upper-case hex). Printable ASCII other than {@code '%'} passes unchanged, so ASCII names can be
 * typed as they are ({@code grpcurl -H 'x-duro-object-name: alice'}). Spaces are encoded because an
 * HTTP/2 field value must not start or end with one; decoding accepts a literal space too.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Encodes {@code text}; returns it unchanged when nothing needs escaping. */
  static String encode(String text) {
    int i = 0;
    while (i < text.length() && isPlain(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(utf8.length + 16);
    for (byte b : utf8) {
      char c = (char) (b & 0xff);
      if (isPlain(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code value}, rejecting anything that is not a valid encoding of UTF-8 text.
   *
   * @throws IllegalArgumentException naming the problem and its index
   */
  static String decodeStrict(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    byte[] bytes = new byte[value.length()];
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new IllegalArgumentException(
              "invalid percent-encoding at index "
                  + i
                  + ": '%' must be followed by two hex digits (write '%25' for a literal '%')");
        }
        bytes[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c > 0x7e) {
        throw new IllegalArgumentException("non-ASCII character at index " + i);
      } else {
        bytes[n++] = (byte) c;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent-decoded bytes are not valid UTF-8", e);
    }
  }

  /** Decodes {@code value}, or returns it as it is if it is not a valid encoding. */
  static String decodeLenient(String value) {
    try {
      return decodeStrict(value);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /**
   * {@code text} cut to at most {@code maxUtf8Bytes} UTF-8 bytes (never inside a character), with
   * {@code "..."} appended when cut. Bounds metadata size: gRPC refuses trailers over 8 KiB.
   */
  static String truncate(String text, int maxUtf8Bytes) {
    if (text.length() * 3 <= maxUtf8Bytes) {
      return text;
    }
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxUtf8Bytes) {
        return text.substring(0, i) + "...";
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return text;
  }

  private static boolean isPlain(char c) {
    return c >= 0x21 && c <= 0x7e && c != '%';
  }
}
