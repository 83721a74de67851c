package dev.duro.binding;

import dev.duro.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives and checks the ids of one namespace, as Cloudflare Durable Objects do: the first 16 bytes
 * identify the object ({@code HMAC-SHA256(key, name)} for named ids, random for unique ids), the
 * last 16 are {@code HMAC-SHA256(key, first16)}. The key is {@code SHA-256("duro-namespace:" +
 * name)}, so ids are stable across hosts and restarts. Thread-safe; instances are cached per name.
 */
public final class NamespaceKey {
  /** Valid namespace names: protobuf full names, because a namespace names a gRPC service. */
  public static final Pattern NAME_PATTERN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private static final int HALF = ObjectId.LENGTH / 2;
  private static final ConcurrentHashMap<String, NamespaceKey> CACHE = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Entries of each lossy cache below: {@link #WAYS} per set, a power of two in all. */
  static final int CACHE_SLOTS = 8192;

  /** Entries per set: a name or id may sit in any of the {@code WAYS} slots of its set. */
  private static final int WAYS = 4;

  private static final int SET_MASK = CACHE_SLOTS / WAYS - 1;

  private final String namespace;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> mac;
  private final AtomicLong macs = new AtomicLong();

  // Lossy caches, set-associative (WAYS slots per hash, the most recent first, the oldest dropped):
  // a host derives the same id from the same name call after call, and a client checks the same ids
  // before every call, while each HMAC costs about a microsecond on the call path. With one slot
  // per hash, 1,000 names or ids shared a slot with another 13-21 % of the time and were
  // recomputed on every call; with four, 1,000 fit without a miss. Bounded (CACHE_SLOTS entries
  // each, whatever the number of objects). Racy reads and writes are safe without locks: entries
  // are immutable objects with final fields, so a reader sees a whole entry or an older one, and a
  // lost or duplicated entry only costs a recomputation.
  private final Named[] byName = new Named[CACHE_SLOTS];
  private final ObjectId[] owned = new ObjectId[CACHE_SLOTS];

  private record Named(String name, ObjectId id) {}

  private NamespaceKey(String namespace) {
    this.namespace = namespace;
    try {
      byte[] k =
          MessageDigest.getInstance("SHA-256")
              .digest(("duro-namespace:" + namespace).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(k, "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    this.mac = ThreadLocal.withInitial(this::newMac);
  }

  /**
   * The key of namespace {@code namespace}.
   *
   * @throws IllegalArgumentException if the name does not match {@link #NAME_PATTERN}
   */
  public static NamespaceKey of(String namespace) {
    NamespaceKey k = CACHE.get(namespace);
    if (k != null) {
      return k;
    }
    if (namespace == null || !NAME_PATTERN.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "Invalid namespace name \""
              + namespace
              + "\": must match "
              + NAME_PATTERN.pattern()
              + " (it names a gRPC service)");
    }
    return CACHE.computeIfAbsent(namespace, NamespaceKey::new);
  }

  /** The namespace name. */
  public String namespace() {
    return namespace;
  }

  /** The id for {@code name}; deterministic. */
  public ObjectId idFromName(String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    int set = set(name.hashCode());
    for (int i = set; i < set + WAYS; i++) {
      Named cached = byName[i];
      if (cached != null && cached.name().equals(name)) {
        return cached.id();
      }
    }
    byte[] bytes = new byte[ObjectId.LENGTH];
    byte[] h = hmac(name.getBytes(StandardCharsets.UTF_8), 0, -1);
    System.arraycopy(h, 0, bytes, 0, HALF);
    seal(bytes);
    ObjectId id = ObjectId.fromBytes(bytes, name);
    insert(byName, set, new Named(name, id));
    insert(owned, set(id.hashCode()), id);
    return id;
  }

  /** A new random id of this namespace. */
  public ObjectId newUniqueId() {
    byte[] id = new byte[ObjectId.LENGTH];
    byte[] r = new byte[HALF];
    RANDOM.nextBytes(r);
    System.arraycopy(r, 0, id, 0, HALF);
    seal(id);
    return ObjectId.fromBytes(id);
  }

  /**
   * Parses and checks an id string.
   *
   * @throws IllegalArgumentException {@code "Invalid object id: must be 64 hex digits..."} or
   *     {@code "Object id <id> is not valid for namespace <ns>..."}
   */
  public ObjectId idFromString(String hex) {
    ObjectId id = ObjectId.parseHex(hex);
    check(id);
    return id;
  }

  /** Whether {@code id}'s MAC shows it was made by this namespace. */
  public boolean owns(ObjectId id) {
    int set = set(id.hashCode());
    for (int i = set; i < set + WAYS; i++) {
      ObjectId known = owned[i];
      if (known != null && known.equals(id)) {
        return true;
      }
    }
    byte[] b = id.toBytes();
    byte[] expected = hmac(b, 0, HALF);
    boolean mine =
        MessageDigest.isEqual(
            Arrays.copyOf(expected, HALF), Arrays.copyOfRange(b, HALF, ObjectId.LENGTH));
    if (mine) {
      insert(owned, set, id);
    }
    return mine;
  }

  /**
   * Throws unless {@code id} belongs to this namespace.
   *
   * @throws IllegalArgumentException {@code "Object id <id> is not valid for namespace <ns>..."}
   */
  public void check(ObjectId id) {
    if (!owns(id)) {
      throw new IllegalArgumentException(
          "Object id "
              + id
              + " is not valid for namespace "
              + namespace
              + ": it was made by another namespace, or altered");
    }
  }

  /** The first slot of the set of {@code hash}: hashes of similar names differ in high bits too. */
  private static int set(int hash) {
    int h = hash * 0x9E3779B9;
    return ((h ^ (h >>> 16)) & SET_MASK) * WAYS;
  }

  /** Puts {@code entry} first in its set, moving the others down and dropping the last. */
  private static <T> void insert(T[] cache, int set, T entry) {
    System.arraycopy(cache, set, cache, set + 1, WAYS - 1);
    cache[set] = entry;
  }

  /** HMACs computed so far (cache misses and ids made); for tests of the caches. */
  long macCount() {
    return macs.get();
  }

  private void seal(byte[] id) {
    byte[] m = hmac(id, 0, HALF);
    System.arraycopy(m, 0, id, HALF, HALF);
  }

  private byte[] hmac(byte[] data, int off, int len) {
    macs.incrementAndGet();
    Mac m = mac.get();
    m.update(data, off, len < 0 ? data.length : len);
    return m.doFinal();
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
