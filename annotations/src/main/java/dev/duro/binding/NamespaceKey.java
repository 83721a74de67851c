package dev.duro.binding;

import dev.duro.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Slots of each lossy cache below; a power of two. */
  static final int CACHE_SLOTS = 4096;

  private final String namespace;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> mac;

  // Lossy caches, one slot per hash, the last writer wins: a host derives the same id from the same
  // name call after call, and a client checks the same ids before every call, while each HMAC costs
  // about a microsecond on the call path. Bounded (CACHE_SLOTS entries each, whatever the number of
  // objects). Racy reads are safe without locks: entries are immutable objects with final fields,
  // so a reader sees a whole entry or an older one, and a wrong slot only costs a recomputation.
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
    int slot = name.hashCode() & (CACHE_SLOTS - 1);
    Named cached = byName[slot];
    if (cached != null && cached.name().equals(name)) {
      return cached.id();
    }
    byte[] bytes = new byte[ObjectId.LENGTH];
    byte[] h = hmac(name.getBytes(StandardCharsets.UTF_8), 0, -1);
    System.arraycopy(h, 0, bytes, 0, HALF);
    seal(bytes);
    ObjectId id = ObjectId.fromBytes(bytes, name);
    byName[slot] = new Named(name, id);
    owned[id.hashCode() & (CACHE_SLOTS - 1)] = id;
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
    int slot = id.hashCode() & (CACHE_SLOTS - 1);
    ObjectId known = owned[slot];
    if (known != null && known.equals(id)) {
      return true;
    }
    byte[] b = id.toBytes();
    byte[] expected = hmac(b, 0, HALF);
    boolean mine =
        MessageDigest.isEqual(
            Arrays.copyOf(expected, HALF), Arrays.copyOfRange(b, HALF, ObjectId.LENGTH));
    if (mine) {
      owned[slot] = id;
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

  private void seal(byte[] id) {
    byte[] m = hmac(id, 0, HALF);
    System.arraycopy(m, 0, id, HALF, HALF);
  }

  private byte[] hmac(byte[] data, int off, int len) {
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
