package dev.duro.runtime.internal.storage;

import java.util.Comparator;

/** Unsigned lexicographic order of byte arrays: the order of every {@code StorageEngine}. */
public final class UnsignedBytes {
  /** Compares as unsigned bytes; a proper prefix sorts first. */
  public static final Comparator<byte[]> ORDER = UnsignedBytes::compare;

  private UnsignedBytes() {}

  /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b}. */
  public static int compare(byte[] a, byte[] b) {
    int i = java.util.Arrays.mismatch(a, b);
    if (i < 0) {
      return 0;
    }
    if (i >= a.length || i >= b.length) {
      return a.length - b.length;
    }
    return (a[i] & 0xff) - (b[i] & 0xff);
  }

  /** Whether {@code key} begins with {@code prefix}. */
  public static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
