package dev.duro.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one protobuf message in wire format into a growable buffer. Every {@code writeX} method
 * writes its field unconditionally; callers (generated code) skip proto3 default values themselves.
 * Not thread-safe: one writer per message.
 *
 * <p>Integral types use {@code int32}/{@code int64} varints (negative values take 10 bytes, as in
 * protobuf), {@code float}/{@code double} use fixed 32/64-bit little-endian, strings are UTF-8.
 */
public final class ProtoWriter {
  private byte[] buf;
  private int pos;

  public ProtoWriter() {
    this(32);
  }

  public ProtoWriter(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 16)];
  }

  /** The bytes written so far (a copy). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** Number of bytes written so far. */
  public int size() {
    return pos;
  }

  public ProtoWriter writeInt32(int field, int value) {
    tag(field, WireType.VARINT);
    varint(value);
    return this;
  }

  public ProtoWriter writeInt64(int field, long value) {
    tag(field, WireType.VARINT);
    varint(value);
    return this;
  }

  public ProtoWriter writeBool(int field, boolean value) {
    tag(field, WireType.VARINT);
    ensure(1);
    buf[pos++] = (byte) (value ? 1 : 0);
    return this;
  }

  public ProtoWriter writeFloat(int field, float value) {
    tag(field, WireType.FIXED32);
    fixed32(Float.floatToRawIntBits(value));
    return this;
  }

  public ProtoWriter writeDouble(int field, double value) {
    tag(field, WireType.FIXED64);
    fixed64(Double.doubleToRawLongBits(value));
    return this;
  }

  public ProtoWriter writeString(int field, String value) {
    return writeBytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public ProtoWriter writeBytes(int field, byte[] value) {
    tag(field, WireType.LEN);
    varint(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, buf, pos, value.length);
    pos += value.length;
    return this;
  }

  /**
   * Writes {@code nested} (a nested message or the body of a packed repeated field) as the
   * length-delimited field {@code field}.
   */
  public ProtoWriter writeMessage(int field, ProtoWriter nested) {
    tag(field, WireType.LEN);
    varint(nested.pos);
    ensure(nested.pos);
    System.arraycopy(nested.buf, 0, buf, pos, nested.pos);
    pos += nested.pos;
    return this;
  }

  /** A varint without a tag, for packed repeated fields: {@code int32} semantics. */
  public ProtoWriter writeRawVarint32(int value) {
    varint(value);
    return this;
  }

  /** A varint without a tag, for packed repeated fields. */
  public ProtoWriter writeRawVarint64(long value) {
    varint(value);
    return this;
  }

  /** A little-endian 32-bit value without a tag, for packed repeated fields. */
  public ProtoWriter writeRawFixed32(int value) {
    fixed32(value);
    return this;
  }

  /** A little-endian 64-bit value without a tag, for packed repeated fields. */
  public ProtoWriter writeRawFixed64(long value) {
    fixed64(value);
    return this;
  }

  private void tag(int field, int wireType) {
    if (field < 1 || field > WireType.MAX_FIELD_NUMBER) {
      throw new CodecException("Invalid field number " + field);
    }
    varint((field << 3) | wireType);
  }

  private void varint(int value) {
    if (value >= 0) {
      ensure(5);
      while ((value & ~0x7F) != 0) {
        buf[pos++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      buf[pos++] = (byte) value;
    } else {
      varint((long) value);
    }
  }

  private void varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  private void fixed32(int v) {
    ensure(4);
    buf[pos++] = (byte) v;
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 24);
  }

  private void fixed64(long v) {
    fixed32((int) v);
    fixed32((int) (v >>> 32));
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }
}
