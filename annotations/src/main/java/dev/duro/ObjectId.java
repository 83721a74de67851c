package dev.duro;

import java.util.Arrays;
import java.util.Optional;

/**
 * The identity of one durable object within its namespace: 32 bytes, printed as 64 lowercase hex
 * digits.
 *
 * <p>As in Cloudflare Durable Objects, the first 16 bytes identify the object and the last 16 are a
 * MAC over them keyed by the namespace, so an id belongs to exactly one namespace and a random or
 * mistyped string is rejected by {@link Namespace#idFromString(String)}. Ids come from a {@link
 * Namespace}: {@link Namespace#idFromName(String)}, {@link Namespace#newUniqueId()} or {@link
 * Namespace#idFromString(String)}. Creating an id never contacts or creates the object.
 *
 * <p>Equality compares the 32 bytes only; the {@linkplain #name() name} does not participate.
 * Instances are immutable and thread-safe.
 */
public final class ObjectId {
  /** Length of an id in bytes. */
  public static final int LENGTH = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] bytes;
  private final String name;
  private final int hash;

  private ObjectId(byte[] bytes, String name) {
    this.bytes = bytes;
    this.name = name;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * Wraps 32 raw id bytes (copied). This does not check that the id belongs to any namespace; hosts
   * and namespaces do that.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static ObjectId fromBytes(byte[] bytes) {
    return fromBytes(bytes, null);
  }

  /**
   * Like {@link #fromBytes(byte[])}, remembering the name the id was derived from ({@code null} for
   * none). Used by namespaces and hosts; the name never affects equality.
   */
  public static ObjectId fromBytes(byte[] bytes, String name) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "Invalid object id: must be " + LENGTH + " bytes, got " + bytes.length);
    }
    return new ObjectId(bytes.clone(), name);
  }

  /**
   * Parses 64 hex digits (either case) without checking the namespace MAC; use {@link
   * Namespace#idFromString(String)} to accept ids from users.
   *
   * @throws IllegalArgumentException naming the problem if {@code hex} is not exactly 64 hex digits
   */
  public static ObjectId parseHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          "Invalid object id: must be 64 hex digits, got "
              + (hex == null ? "null" : hex.length() + " characters"));
    }
    byte[] b = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(
            "Invalid object id: must be 64 hex digits, found '"
                + hex.charAt(hi < 0 ? 2 * i : 2 * i + 1)
                + "' at index "
                + (hi < 0 ? 2 * i : 2 * i + 1));
      }
      b[i] = (byte) (hi << 4 | lo);
    }
    return new ObjectId(b, null);
  }

  /** A copy of the 32 id bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The byte at {@code index} (0..31), without copying. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** Copies the 32 id bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, LENGTH);
  }

  /**
   * The name this id was derived from with {@link Namespace#idFromName(String)}, if this instance
   * came from there (or from a host that knew it); empty for unique ids and parsed ids.
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The 64 lowercase hex digits of the id. */
  @Override
  public String toString() {
    char[] out = new char[2 * LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectId && Arrays.equals(bytes, ((ObjectId) o).bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
