package dev.duro.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one protobuf message in wire format. Typical generated loop:
 *
 * <pre>{@code
 * ProtoReader r = new ProtoReader(bytes);
 * for (int tag; (tag = r.readTag()) != 0; ) {
 *   switch (WireType.fieldNumber(tag)) {
 *     case 1: by = r.readInt64(tag); break;
 *     default: r.skip(tag);
 *   }
 * }
 * }</pre>
 *
 * <p>Every malformed input (truncation, a length past the end, an over-long varint, a wire type
 * that does not match the field's type, a field number of 0) throws {@link CodecException}; lengths
 * are checked against the remaining bytes before anything is allocated. Not thread-safe.
 */
public final class ProtoReader {
  /**
   * How deeply messages may nest: {@link #readMessage} fails beyond it, so that hostile input
   * cannot exhaust the stack of a recursive decoder. Protobuf's own default is the same.
   */
  public static final int MAX_DEPTH = 100;

  private final byte[] buf;
  private int pos;
  private final int limit;
  private final int depth;

  public ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ProtoReader(byte[] bytes, int offset, int length) {
    this(bytes, offset, length, 0);
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
    }
  }

  private ProtoReader(byte[] bytes, int offset, int length, int depth) {
    this.buf = bytes;
    this.pos = offset;
    this.limit = offset + length;
    this.depth = depth;
  }

  /** Whether every byte of this message has been read. */
  public boolean isAtEnd() {
    return pos >= limit;
  }

  /**
   * A reader over the length-delimited value of field {@code tag} (a nested message or a packed
   * repeated field), sharing this reader's bytes; this reader moves past it.
   *
   * @throws CodecException if the field is not length-delimited, its length exceeds the remaining
   *     bytes, or nesting exceeds {@link #MAX_DEPTH}
   */
  public ProtoReader readMessage(int tag) {
    expect(tag, WireType.LEN);
    if (depth >= MAX_DEPTH) {
      throw new CodecException("Malformed message: nested more than " + MAX_DEPTH + " levels deep");
    }
    int n = length();
    ProtoReader nested = new ProtoReader(buf, pos, n, depth + 1);
    pos += n;
    return nested;
  }

  /** A varint without a tag, as in a packed repeated field. */
  public long readRawVarint() {
    return varint();
  }

  /** A little-endian 32-bit value without a tag, as in a packed repeated field. */
  public int readRawFixed32() {
    return fixed32();
  }

  /** A little-endian 64-bit value without a tag, as in a packed repeated field. */
  public long readRawFixed64() {
    return fixed64();
  }

  /** The next field's tag, or 0 at the end of the message. */
  public int readTag() {
    if (pos >= limit) {
      return 0;
    }
    long tag = varint();
    if (tag > Integer.MAX_VALUE || WireType.fieldNumber((int) tag) == 0) {
      throw new CodecException("Malformed message: invalid tag " + tag + " at byte " + pos);
    }
    return (int) tag;
  }

  public int readInt32(int tag) {
    expect(tag, WireType.VARINT);
    return (int) varint();
  }

  public long readInt64(int tag) {
    expect(tag, WireType.VARINT);
    return varint();
  }

  public boolean readBool(int tag) {
    expect(tag, WireType.VARINT);
    return varint() != 0;
  }

  public float readFloat(int tag) {
    expect(tag, WireType.FIXED32);
    return Float.intBitsToFloat(fixed32());
  }

  public double readDouble(int tag) {
    expect(tag, WireType.FIXED64);
    return Double.longBitsToDouble(fixed64());
  }

  public String readString(int tag) {
    expect(tag, WireType.LEN);
    int n = length();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  public byte[] readBytes(int tag) {
    expect(tag, WireType.LEN);
    int n = length();
    byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return b;
  }

  /** Skips the value of a field this reader's caller does not know (forward compatibility). */
  public void skip(int tag) {
    int wt = WireType.wireType(tag);
    switch (wt) {
      case WireType.VARINT:
        varint();
        break;
      case WireType.FIXED64:
        need(8);
        pos += 8;
        break;
      case WireType.FIXED32:
        need(4);
        pos += 4;
        break;
      case WireType.LEN:
        int n = length(); // evaluated before pos is read: `pos += length()` would lose the prefix
        pos += n;
        break;
      default:
        throw new CodecException(
            "Malformed message: unsupported wire type "
                + WireType.name(wt)
                + " for field "
                + WireType.fieldNumber(tag));
    }
  }

  private void expect(int tag, int wireType) {
    if (WireType.wireType(tag) != wireType) {
      throw new CodecException(
          "Malformed message: field "
              + WireType.fieldNumber(tag)
              + " has wire type "
              + WireType.name(WireType.wireType(tag))
              + ", expected "
              + WireType.name(wireType));
    }
  }

  private int length() {
    long n = varint();
    if (n < 0 || n > limit - pos) {
      throw new CodecException(
          "Malformed message: length " + n + " exceeds the " + (limit - pos) + " remaining bytes");
    }
    return (int) n;
  }

  private long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new CodecException("Malformed message: varint longer than 10 bytes");
  }

  private int fixed32() {
    need(4);
    int v =
        (buf[pos] & 0xff)
            | (buf[pos + 1] & 0xff) << 8
            | (buf[pos + 2] & 0xff) << 16
            | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  private long fixed64() {
    long lo = fixed32() & 0xffffffffL;
    long hi = fixed32() & 0xffffffffL;
    return lo | hi << 32;
  }

  private void need(int n) {
    if (limit - pos < n) {
      throw new CodecException("Malformed message: truncated at byte " + pos);
    }
  }
}
