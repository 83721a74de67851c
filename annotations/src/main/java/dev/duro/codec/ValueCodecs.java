package dev.duro.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The codecs behind {@link dev.duro.Storage}'s typed methods, by class: built in for {@code
 * String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code
 * byte[]}, {@link Instant}, {@link Duration} and {@link UUID}; registered by generated code for
 * every record and enum of an object class (its {@code @Rpc} signatures, {@code @Persist} fields,
 * {@code DurableMap} values and {@code @DurableObject(storageTypes = ...)}) when the class's
 * binding is loaded, which a host does before the object's first turn. Thread-safe.
 */
public final class ValueCodecs {
  private static final Map<Class<?>, ValueCodec<?>> CODECS = new ConcurrentHashMap<>();

  static {
    builtIn(String.class, ProtoWriter::writeString, ProtoReader::readString, "");
    builtIn(Boolean.class, ProtoWriter::writeBool, ProtoReader::readBool, false);
    builtIn(Integer.class, ProtoWriter::writeInt32, ProtoReader::readInt32, 0);
    builtIn(Long.class, ProtoWriter::writeInt64, ProtoReader::readInt64, 0L);
    builtIn(Float.class, ProtoWriter::writeFloat, ProtoReader::readFloat, 0f);
    builtIn(Double.class, ProtoWriter::writeDouble, ProtoReader::readDouble, 0d);
    builtIn(byte[].class, ProtoWriter::writeBytes, ProtoReader::readBytes, new byte[0]);
    register(
        ValueCodec.of(
            Instant.class,
            v -> new ProtoWriter().writeMessage(1, Codecs.timestamp(v)).toByteArray(),
            b -> Codecs.instant(field1Message(b))));
    register(
        ValueCodec.of(
            Duration.class,
            v -> new ProtoWriter().writeMessage(1, Codecs.duration(v)).toByteArray(),
            b -> Codecs.duration(field1Message(b))));
    register(
        ValueCodec.of(
            UUID.class,
            v -> new ProtoWriter().writeString(1, v.toString()).toByteArray(),
            b -> Codecs.uuid(decodeField1(b, ProtoReader::readString, ""))));
  }

  private ValueCodecs() {}

  /** Reads field 1 of a value message, skipping unknown fields; {@code absent} if missing. */
  private static <T> T decodeField1(
      byte[] bytes, java.util.function.BiFunction<ProtoReader, Integer, T> read, T absent) {
    ProtoReader r = new ProtoReader(bytes);
    T value = absent;
    while (!r.isAtEnd()) {
      int tag = r.readTag();
      if (tag >>> 3 == 1) {
        value = read.apply(r, tag);
      } else {
        r.skip(tag);
      }
    }
    return value;
  }

  private static ProtoReader field1Message(byte[] bytes) {
    ProtoReader message = decodeField1(bytes, ProtoReader::readMessage, null);
    return message != null ? message : new ProtoReader(new byte[0]);
  }

  private interface Writer<T> {
    void write(ProtoWriter w, int field, T value);
  }

  private static <T> void builtIn(
      Class<T> type,
      Writer<T> write,
      java.util.function.BiFunction<ProtoReader, Integer, T> read,
      T absent) {
    Function<T, byte[]> encode =
        v -> {
          ProtoWriter w = new ProtoWriter();
          write.write(w, 1, v);
          return w.toByteArray();
        };
    register(ValueCodec.of(type, encode, b -> decodeField1(b, read, absent)));
  }

  /**
   * Makes {@code codec} the codec for its type, unless the type has one already (two bindings
   * registering the same record are equivalent; the first stays). Generated code calls this.
   */
  public static void register(ValueCodec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    CODECS.putIfAbsent(codec.type(), codec);
  }

  /**
   * The codec for {@code type}.
   *
   * @throws IllegalArgumentException if there is none, with a message saying how to get one
   */
  @SuppressWarnings("unchecked")
  public static <T> ValueCodec<T> forClass(Class<T> type) {
    Objects.requireNonNull(type, "type");
    ValueCodec<?> c = CODECS.get(type);
    if (c == null && type.isPrimitive()) {
      throw new IllegalArgumentException(
          "Use the wrapper class for typed storage values, not "
              + type
              + " (for example Long.class)");
    }
    if (c == null && Enum.class.isAssignableFrom(type) && type.getSuperclass() != Enum.class) {
      c = CODECS.get(type.getSuperclass()); // an enum constant with a body
    }
    if (c == null) {
      throw new IllegalArgumentException(
          "No storage codec for "
              + type.getName()
              + ": typed storage values are the built-in types (String, Boolean, Integer, Long,"
              + " Float, Double, byte[], Instant, Duration, UUID) and records and enums the"
              + " annotation processor generated codecs for; name the type in"
              + " @DurableObject(storageTypes = ...) of the object that stores it");
    }
    return (ValueCodec<T>) c;
  }

  /** The codec for the class of {@code value} (see {@link #forClass}). */
  @SuppressWarnings("unchecked")
  public static <T> ValueCodec<T> forValue(T value) {
    return forClass((Class<T>) Objects.requireNonNull(value, "value").getClass());
  }

  /** For tests of codecs: all registered types. */
  static java.util.Set<Class<?>> registeredTypes() {
    return java.util.Set.copyOf(CODECS.keySet());
  }
}
