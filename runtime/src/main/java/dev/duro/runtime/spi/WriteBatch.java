package dev.duro.runtime.spi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered list of writes (puts and deletes of byte keys) that must be applied
 * atomically: the unit a turn commits. Within a batch a later write of a key wins.
 *
 * <p>A batch has a stable binary form ({@link #toBytes()}, {@link #fromBytes(byte[])}) so that it
 * can be shipped, for example by a replicated log. The format, all integers big-endian:
 *
 * <pre>
 * batch = 0x44 ('D') 0x01 (version) count:int32 op*count
 * op    = 0x01 (put)    keyLength:int32 key valueLength:int32 value
 *       | 0x02 (delete) keyLength:int32 key
 * </pre>
 *
 * <p>Instances are immutable and thread-safe: the builder copies keys and values in.
 */
public final class WriteBatch {
  private static final byte MAGIC = 0x44;
  private static final byte VERSION = 1;
  private static final byte PUT = 1;
  private static final byte DELETE = 2;
  private static final WriteBatch EMPTY = new WriteBatch(new byte[0][], new byte[0][]);

  /** Receives the writes of a batch, in order. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * One write: a put if {@code value} is non-null, else a delete. The arrays belong to the batch
     * and must not be modified.
     */
    void write(byte[] key, byte @Nullable [] value);
  }

  private final byte[][] keys;
  private final byte[] @Nullable [] values;

  private WriteBatch(byte[][] keys, byte[] @Nullable [] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The empty batch. */
  public static WriteBatch empty() {
    return EMPTY;
  }

  /** A builder for a new batch. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of writes. */
  public int size() {
    return keys.length;
  }

  /** Whether the batch has no write. */
  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** A copy of the key of write {@code index}. */
  public byte[] key(int index) {
    return keys[index].clone();
  }

  /** A copy of the value of write {@code index}, or {@code null} if it is a delete. */
  public byte @Nullable [] value(int index) {
    byte[] v = values[index];
    return v == null ? null : v.clone();
  }

  /** Passes every write to {@code visitor}, in order, without copying. */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      visitor.write(keys[i], values[i]);
    }
  }

  /** The binary form described in the class documentation. */
  public byte[] toBytes() {
    int size = 6;
    for (int i = 0; i < keys.length; i++) {
      size += 5 + keys[i].length;
      byte[] v = values[i];
      if (v != null) {
        size += 4 + v.length;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(MAGIC).put(VERSION).putInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      byte[] v = values[i];
      out.put(v == null ? DELETE : PUT).putInt(keys[i].length).put(keys[i]);
      if (v != null) {
        out.putInt(v.length).put(v);
      }
    }
    return out.array();
  }

  /**
   * Parses the binary form written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException naming the problem if {@code bytes} is not a well-formed batch
   */
  public static WriteBatch fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.remaining() < 6 || in.get() != MAGIC) {
      throw new IllegalArgumentException("Malformed write batch: missing the 'D' header");
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("Malformed write batch: unsupported version " + version);
    }
    int count = in.getInt();
    // Each write takes at least 5 bytes, so a count past that is corrupt (and must not allocate).
    if (count < 0 || count > in.remaining() / 5) {
      throw new IllegalArgumentException("Malformed write batch: invalid count " + count);
    }
    Builder b = new Builder();
    for (int i = 0; i < count; i++) {
      if (in.remaining() < 1) {
        throw new IllegalArgumentException("Malformed write batch: truncated at write " + i);
      }
      byte kind = in.get();
      byte[] key = chunk(in, i);
      if (kind == PUT) {
        b.add(key, chunk(in, i));
      } else if (kind == DELETE) {
        b.add(key, null);
      } else {
        throw new IllegalArgumentException(
            "Malformed write batch: unknown write kind " + kind + " at write " + i);
      }
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(
          "Malformed write batch: " + in.remaining() + " bytes after the last write");
    }
    return b.build();
  }

  private static byte[] chunk(ByteBuffer in, int index) {
    if (in.remaining() < 4) {
      throw new IllegalArgumentException("Malformed write batch: truncated at write " + index);
    }
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException(
          "Malformed write batch: length " + n + " at write " + index + " exceeds the input");
    }
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof WriteBatch)) {
      return false;
    }
    WriteBatch other = (WriteBatch) o;
    return Arrays.deepEquals(keys, other.keys) && Arrays.deepEquals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(keys) + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "WriteBatch[" + keys.length + " writes]";
  }

  /** Collects writes for a {@link WriteBatch}. Not thread-safe. */
  public static final class Builder {
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte @Nullable []> values = new ArrayList<>();

    private Builder() {}

    /** Adds a put of a copy of {@code value} under a copy of {@code key}. */
    public Builder put(byte[] key, byte[] value) {
      return add(key.clone(), value.clone());
    }

    /** Adds a delete of {@code key} (copied). */
    public Builder delete(byte[] key) {
      return add(key.clone(), null);
    }

    /** Adds every write of {@code batch}, in order. */
    public Builder putAll(WriteBatch batch) {
      for (int i = 0; i < batch.keys.length; i++) {
        add(batch.keys[i], batch.values[i]);
      }
      return this;
    }

    /** The number of writes added so far. */
    public int size() {
      return keys.size();
    }

    private Builder add(byte[] key, byte @Nullable [] value) {
      keys.add(key);
      values.add(value);
      return this;
    }

    /** The batch of the writes added so far; the builder may be reused. */
    public WriteBatch build() {
      if (keys.isEmpty()) {
        return EMPTY;
      }
      return new WriteBatch(keys.toArray(new byte[0][]), values.toArray(new byte[0][]));
    }
  }
}
