package dev.duro.runtime.internal.activation;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** A byte array usable as a hash map key (content equality). The array must not change. */
final class BytesKey {
  final byte[] bytes;
  private final int hash;

  BytesKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BytesKey && Arrays.equals(bytes, ((BytesKey) o).bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
