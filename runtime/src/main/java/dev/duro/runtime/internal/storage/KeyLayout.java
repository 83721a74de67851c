package dev.duro.runtime.internal.storage;

import dev.duro.ObjectId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The layout of every key the runtime writes to its {@link dev.duro.runtime.spi.StorageEngine}. All
 * objects share one ordered key space; the layout keeps each object's keys contiguous (one prefix)
 * and the alarm index ordered by time:
 *
 * <pre>
 * object prefix  = 0x01 | nsLen:1 | ns (ASCII) | id:32
 * field          = object prefix | 0x01 | field name (UTF-8)        value: encoded field message
 * storage entry  = object prefix | 0x02 | user key (UTF-8)          value: user bytes
 * alarm          = object prefix | 0x03                             value: time (see below)
 * name           = object prefix | 0x04                             value: the id's name (UTF-8)
 * alarm index    = 0x02 | time:8 | nsLen:1 | ns | id:32             value: 0x00, or 0x01 | name
 * </pre>
 *
 * <p>{@code time} is epoch milliseconds, big-endian with the sign bit flipped, so that unsigned
 * byte order is time order (like Xodus's {@code LongBinding}); a scan of the index from its start
 * yields alarms earliest first. The index value remembers the object's name, if it has one, so an
 * alarm fired after a restart still knows it. Namespace names are ASCII ({@code
 * NamespaceKey.NAME_PATTERN}) and at most {@value #MAX_NAMESPACE_LENGTH} characters here.
 *
 * <p>An object's alarm key and its index entry are always written in the same batch. The name key
 * is written once, with the first commit of an object whose id carries a name ({@code idFromName}),
 * so tools can list objects with their names; it is metadata, not state.
 */
public final class KeyLayout {
  /** First byte of every object key. */
  public static final byte OBJECT = 0x01;

  /** First byte of every alarm index key. */
  public static final byte ALARM_INDEX = 0x02;

  static final byte FIELD = 0x01;
  static final byte STORAGE = 0x02;
  static final byte ALARM = 0x03;
  static final byte NAME = 0x04;

  /** Longest namespace name the layout can hold (its length is one byte). */
  public static final int MAX_NAMESPACE_LENGTH = 255;

  private KeyLayout() {}

  /** An alarm index entry, decoded. */
  public static final class IndexEntry {
    private final long timeMillis;
    private final String namespace;
    private final ObjectId id;

    IndexEntry(long timeMillis, String namespace, ObjectId id) {
      this.timeMillis = timeMillis;
      this.namespace = namespace;
      this.id = id;
    }

    public long timeMillis() {
      return timeMillis;
    }

    public String namespace() {
      return namespace;
    }

    /** The object id, with its name if the index value recorded one. */
    public ObjectId id() {
      return id;
    }
  }

  /**
   * The prefix of all keys of object {@code id} in namespace {@code namespace}.
   *
   * @throws IllegalArgumentException if the namespace name is longer than {@value
   *     #MAX_NAMESPACE_LENGTH} bytes
   */
  public static byte[] objectPrefix(String namespace, ObjectId id) {
    byte[] ns = namespaceBytes(namespace);
    byte[] key = new byte[2 + ns.length + ObjectId.LENGTH];
    key[0] = OBJECT;
    key[1] = (byte) ns.length;
    System.arraycopy(ns, 0, key, 2, ns.length);
    id.copyTo(key, 2 + ns.length);
    return key;
  }

  /** The key of {@code @Persist} field {@code field}. */
  public static byte[] field(byte[] objectPrefix, String field) {
    return append(objectPrefix, FIELD, field.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of storage entry {@code userKey}. */
  public static byte[] storage(byte[] objectPrefix, String userKey) {
    return append(objectPrefix, STORAGE, userKey.getBytes(StandardCharsets.UTF_8));
  }

  /** The first possible storage entry key of the object. */
  public static byte[] storageStart(byte[] objectPrefix) {
    return append(objectPrefix, STORAGE, new byte[0]);
  }

  /** The first key after every storage entry key of the object. */
  public static byte[] storageEnd(byte[] objectPrefix) {
    return append(objectPrefix, (byte) (STORAGE + 1), new byte[0]);
  }

  /** The user key of storage entry {@code key} of the object (made by {@link #storage}). */
  public static String storageUserKey(byte[] objectPrefix, byte[] key) {
    int from = objectPrefix.length + 1;
    return new String(key, from, key.length - from, StandardCharsets.UTF_8);
  }

  /**
   * The least key greater than every key starting with {@code prefix}, or {@code null} if there is
   * none (the prefix is all 0xFF bytes).
   */
  public static byte @Nullable [] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /** The key of the object's alarm. */
  public static byte[] alarm(byte[] objectPrefix) {
    return append(objectPrefix, ALARM, new byte[0]);
  }

  /**
   * Whether {@code key}, a key of the object with prefix length {@code prefixLength}, is its alarm.
   */
  public static boolean isAlarm(byte[] key, int prefixLength) {
    return key.length == prefixLength + 1 && key[prefixLength] == ALARM;
  }

  /** The key of the object's name. */
  public static byte[] name(byte[] objectPrefix) {
    return append(objectPrefix, NAME, new byte[0]);
  }

  /**
   * Whether {@code key}, a key of the object with prefix length {@code prefixLength}, is its name.
   */
  public static boolean isName(byte[] key, int prefixLength) {
    return key.length == prefixLength + 1 && key[prefixLength] == NAME;
  }

  /** The value of the name key. */
  public static byte[] nameValue(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes the value of the name key. */
  public static String parseName(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** The alarm index key of object {@code objectPrefix} (from {@link #objectPrefix}) at a time. */
  public static byte[] alarmIndex(long timeMillis, byte[] objectPrefix) {
    int tail = objectPrefix.length - 1;
    byte[] key = new byte[9 + tail];
    key[0] = ALARM_INDEX;
    putTime(key, 1, timeMillis);
    System.arraycopy(objectPrefix, 1, key, 9, tail);
    return key;
  }

  /**
   * The time of an alarm index key, or of any key that starts like one (a position in the index);
   * {@link Long#MIN_VALUE} for a key too short to hold a time (the start of the index).
   */
  public static long alarmIndexTime(byte[] key) {
    return key.length < 9 ? Long.MIN_VALUE : getTime(key, 1);
  }

  /** The first key of the alarm index. */
  public static byte[] alarmIndexStart() {
    return new byte[] {ALARM_INDEX};
  }

  /** The first key after the alarm index. */
  public static byte[] alarmIndexEnd() {
    return new byte[] {ALARM_INDEX + 1};
  }

  /** The value of an alarm index entry: remembers the object's name, if any. */
  public static byte[] alarmIndexValue(ObjectId id) {
    String name = id.name().orElse(null);
    if (name == null) {
      return new byte[] {0};
    }
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = new byte[1 + n.length];
    v[0] = 1;
    System.arraycopy(n, 0, v, 1, n.length);
    return v;
  }

  /**
   * Decodes an alarm index entry.
   *
   * @throws IllegalArgumentException if {@code key} is not a well-formed index key
   */
  public static IndexEntry parseAlarmIndex(byte[] key, byte[] value) {
    if (key.length < 10 || key[0] != ALARM_INDEX) {
      throw new IllegalArgumentException("Not an alarm index key: " + Arrays.toString(key));
    }
    long time = getTime(key, 1);
    int nsLen = key[9] & 0xff;
    if (key.length != 10 + nsLen + ObjectId.LENGTH) {
      throw new IllegalArgumentException("Malformed alarm index key of length " + key.length);
    }
    String ns = new String(key, 10, nsLen, StandardCharsets.US_ASCII);
    byte[] id = Arrays.copyOfRange(key, 10 + nsLen, key.length);
    String name =
        value.length > 0 && value[0] == 1
            ? new String(value, 1, value.length - 1, StandardCharsets.UTF_8)
            : null;
    return new IndexEntry(time, ns, ObjectId.fromBytes(id, name));
  }

  /** Encodes the value of an alarm key. */
  public static byte[] alarmValue(long timeMillis) {
    byte[] v = new byte[8];
    putTime(v, 0, timeMillis);
    return v;
  }

  /** Decodes the value of an alarm key, or returns {@code null} for {@code null}. */
  public static @Nullable Long parseAlarmValue(byte @Nullable [] value) {
    if (value == null) {
      return null;
    }
    if (value.length != 8) {
      throw new IllegalArgumentException("Malformed alarm value of length " + value.length);
    }
    return getTime(value, 0);
  }

  private static byte[] namespaceBytes(String namespace) {
    byte[] ns = namespace.getBytes(StandardCharsets.US_ASCII);
    if (ns.length > MAX_NAMESPACE_LENGTH) {
      throw new IllegalArgumentException(
          "Namespace name is "
              + ns.length
              + " characters long; the storage layout allows at most "
              + MAX_NAMESPACE_LENGTH);
    }
    return ns;
  }

  private static byte[] append(byte[] prefix, byte kind, byte[] suffix) {
    byte[] key = new byte[prefix.length + 1 + suffix.length];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    key[prefix.length] = kind;
    System.arraycopy(suffix, 0, key, prefix.length + 1, suffix.length);
    return key;
  }

  private static void putTime(byte[] out, int offset, long millis) {
    long v = millis ^ Long.MIN_VALUE;
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static long getTime(byte[] in, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (in[offset + i] & 0xff);
    }
    return v ^ Long.MIN_VALUE;
  }
}
