package dev.duro.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Encodings of the well-known JDK types, shared by every generated codec. Not meant to be called by
 * users; public because generated code in users' packages calls it. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link Instant} is a {@code google.protobuf.Timestamp}: field 1 {@code int64 seconds} since
 *       the epoch, field 2 {@code int32 nanos} in [0, 999,999,999].
 *   <li>{@link Duration} is a {@code google.protobuf.Duration}: field 1 {@code int64 seconds},
 *       field 2 {@code int32 nanos} with the sign of the seconds, as protobuf specifies.
 *   <li>{@link UUID} is a {@code string} in its canonical 36-character form; the empty string (an
 *       absent field) decodes as the nil UUID.
 * </ul>
 */
public final class Codecs {
  private Codecs() {}

  /** {@code value} as a {@code google.protobuf.Timestamp} message body. */
  public static ProtoWriter timestamp(Instant value) {
    return secondsAndNanos(value.getEpochSecond(), value.getNano());
  }

  /** Reads a {@code google.protobuf.Timestamp} message body. */
  public static Instant instant(ProtoReader message) {
    long seconds = 0;
    int nanos = 0;
    for (int tag; (tag = message.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          seconds = message.readInt64(tag);
          break;
        case 2:
          nanos = message.readInt32(tag);
          break;
        default:
          message.skip(tag);
      }
    }
    if (nanos < 0 || nanos > 999_999_999) {
      throw new CodecException("Malformed Timestamp: nanos " + nanos + " out of range");
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (RuntimeException e) {
      throw new CodecException("Malformed Timestamp: seconds " + seconds + " out of range");
    }
  }

  /** {@code value} as a {@code google.protobuf.Duration} message body. */
  public static ProtoWriter duration(Duration value) {
    long seconds = value.getSeconds();
    int nanos = value.getNano();
    // java.time keeps nanos in [0, 1e9); protobuf gives them the sign of the seconds.
    if (seconds < 0 && nanos > 0) {
      seconds += 1;
      nanos -= 1_000_000_000;
    }
    return secondsAndNanos(seconds, nanos);
  }

  /** Reads a {@code google.protobuf.Duration} message body. */
  public static Duration duration(ProtoReader message) {
    long seconds = 0;
    int nanos = 0;
    for (int tag; (tag = message.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          seconds = message.readInt64(tag);
          break;
        case 2:
          nanos = message.readInt32(tag);
          break;
        default:
          message.skip(tag);
      }
    }
    if (nanos <= -1_000_000_000 || nanos >= 1_000_000_000) {
      throw new CodecException("Malformed Duration: nanos " + nanos + " out of range");
    }
    try {
      return Duration.ofSeconds(seconds, nanos);
    } catch (RuntimeException e) {
      throw new CodecException("Malformed Duration: seconds " + seconds + " out of range");
    }
  }

  /** Parses the canonical form of a UUID; the empty string is the nil UUID. */
  public static UUID uuid(String value) {
    if (value.isEmpty()) {
      return new UUID(0, 0);
    }
    if (value.length() != 36) {
      throw new CodecException("Malformed UUID: \"" + value + "\"");
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new CodecException("Malformed UUID: \"" + value + "\"");
    }
  }

  private static ProtoWriter secondsAndNanos(long seconds, int nanos) {
    ProtoWriter w = new ProtoWriter(16);
    if (seconds != 0) {
      w.writeInt64(1, seconds);
    }
    if (nanos != 0) {
      w.writeInt32(2, nanos);
    }
    return w;
  }
}
