package dev.duro.codec;

import java.util.Objects;
import java.util.function.Function;

/**
 * Encodes values of one type for {@link dev.duro.Storage}'s typed methods, as a protobuf message
 * whose field 1 is the value (the same shape as an {@code @Rpc} reply), so stored values evolve
 * like messages: fields added to a record later read as their defaults from older entries.
 *
 * <p>Codecs for the built-in types and for every record and enum the annotation processor saw are
 * found by {@link ValueCodecs#forClass}; implement this interface only for a type the processor
 * cannot see. Implementations are stateless and thread-safe.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {
  /** The type this codec encodes. */
  Class<T> type();

  /**
   * Encodes {@code value} (not null).
   *
   * @throws CodecException if the value cannot be encoded (for example a null record component)
   */
  byte[] encode(T value);

  /**
   * Decodes what {@link #encode} produced (or an older or newer version of it).
   *
   * @throws CodecException if {@code bytes} are malformed
   */
  T decode(byte[] bytes);

  /** A codec from two functions. */
  static <T> ValueCodec<T> of(
      Class<T> type, Function<? super T, byte[]> encode, Function<byte[], ? extends T> decode) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(encode, "encode");
    Objects.requireNonNull(decode, "decode");
    return new ValueCodec<T>() {
      @Override
      public Class<T> type() {
        return type;
      }

      @Override
      public byte[] encode(T value) {
        return encode.apply(Objects.requireNonNull(value, "value"));
      }

      @Override
      public T decode(byte[] bytes) {
        return decode.apply(bytes);
      }

      @Override
      public String toString() {
        return "ValueCodec[" + type.getName() + "]";
      }
    };
  }
}
