package dev.duro.samples.cache;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One cache store (a zone or a key/value namespace of the seed), named after the store. Values live
 * in the object's storage under {@code v:<key>}.
 */
@DurableObject("cache.CacheStore")
public class CacheStore {
  private final ObjectContext ctx;

  public CacheStore(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Caches {@code value} under {@code key}. */
  @Rpc
  public void put(String key, String value) {
    ctx.storage().put("v:" + key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The cached value of {@code key}, if any. */
  @Rpc
  public Optional<String> get(String key) {
    byte[] v = ctx.storage().get("v:" + key);
    return v == null ? Optional.empty() : Optional.of(new String(v, StandardCharsets.UTF_8));
  }

  /** Drops {@code keys}; returns how many were cached. */
  @Rpc
  public int purge(List<String> keys) {
    return ctx.storage().delete(keys.stream().map(k -> "v:" + k).toList());
  }
}
