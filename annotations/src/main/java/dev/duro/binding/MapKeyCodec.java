package dev.duro.binding;

import dev.duro.codec.CodecException;

/**
 * Encodes {@link dev.duro.DurableMap} keys as storage-key strings whose UTF-8 bytes sort like the
 * keys themselves. Used by generated code; see {@link MapKeyCodecs} for the encodings.
 *
 * @param <K> the key type
 */
public interface MapKeyCodec<K> {
  /** The key's order-preserving string form. */
  String encode(K key);

  /**
   * Reads a key written by {@link #encode}.
   *
   * @throws CodecException if {@code encoded} is not such a string
   */
  K decode(String encoded);
}
