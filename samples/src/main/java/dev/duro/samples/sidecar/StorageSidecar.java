package dev.duro.samples.sidecar;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful companion for the workflows of one entity (seed 002, pattern 2); name it after the
 * entity, so every workflow processing that entity shares it. Values are strings (the seed's JSON).
 *
 * <p>{@link #put}, {@link #get}, {@link #delete} and {@link #all} follow the seed's GET, PUT and
 * DELETE. The seed's POST, which appends to an array stored at a key, is {@link #append}; each item
 * is its own storage entry, so a long list never hits the value size limit and an append costs one
 * write, not a rewrite of the whole list; {@link #appendOnce} makes a workflow step's appends
 * atomic and idempotent. {@link #clear} is the seed's clean-up; {@link #expireAfter} schedules it
 * on the alarm, so a sidecar whose workflow died is still removed.
 *
 * <p>Keys must not contain {@code '/'} (appended items are stored under {@code key/sequence}).
 */
@DurableObject("sidecar.StorageSidecar")
public class StorageSidecar {
  private static final String VALUE = "v:";
  private static final String LIST = "l:";
  private static final String LENGTH = "n:";
  private static final String STEP = "s:";

  private final ObjectContext ctx;

  public StorageSidecar(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Stores {@code value} under {@code key}, replacing it.
   *
   * @throws IllegalArgumentException if the key is empty or contains {@code '/'}
   */
  @Rpc
  public void put(String key, String value) {
    ctx.storage().put(VALUE + checked(key), utf8(value));
  }

  /** The value under {@code key}. */
  @Rpc
  public Optional<String> get(String key) {
    byte[] v = ctx.storage().get(VALUE + checked(key));
    return v == null ? Optional.empty() : Optional.of(text(v));
  }

  /**
   * Appends {@code item} to the list under {@code key}; returns the list's new length.
   *
   * @throws IllegalArgumentException if the key is empty or contains {@code '/'}
   */
  @Rpc
  public long append(String key, String item) {
    long length = length(checked(key)) + 1;
    ctx.storage().put(String.format("%s%s/%019d", LIST, key, length), utf8(item));
    ctx.storage().put(LENGTH + key, utf8(Long.toString(length)));
    return length;
  }

  /**
   * Appends {@code items} to the list under {@code key} in one turn, once per {@code stepId}: a
   * retried step (its first reply lost, say) appends nothing again. Returns the list's length.
   *
   * @throws IllegalArgumentException if the key is empty or contains {@code '/'}
   */
  @Rpc
  public long appendOnce(String stepId, String key, List<String> items) {
    checked(key);
    if (ctx.storage().get(STEP + stepId) == null) {
      for (String item : items) {
        append(key, item);
      }
      ctx.storage().put(STEP + stepId, new byte[0]);
    }
    return length(key);
  }

  /** The list under {@code key}, in append order (empty if none). */
  @Rpc
  public List<String> list(String key) {
    List<String> items = new ArrayList<>();
    for (byte[] v :
        ctx.storage().list(ListOptions.all().prefix(LIST + checked(key) + "/")).values()) {
      items.add(text(v));
    }
    return items;
  }

  /** Every value (not the lists), by key. */
  @Rpc
  public Map<String, String> all() {
    Map<String, String> values = new LinkedHashMap<>();
    ctx.storage()
        .list(ListOptions.all().prefix(VALUE))
        .forEach((k, v) -> values.put(k.substring(VALUE.length()), text(v)));
    return values;
  }

  /** Removes the value and the list under {@code key}; returns whether there was either. */
  @Rpc
  public boolean delete(String key) {
    boolean had = ctx.storage().delete(VALUE + checked(key));
    List<String> items =
        new ArrayList<>(ctx.storage().list(ListOptions.all().prefix(LIST + key + "/")).keySet());
    had |= ctx.storage().delete(items) > 0;
    ctx.storage().delete(LENGTH + key);
    return had;
  }

  /** Deletes everything, and a scheduled expiry with it. */
  @Rpc
  public void clear() {
    ctx.storage().deleteAll(true);
  }

  /** Clears the sidecar {@code millis} from now, unless something extends or clears it first. */
  @Rpc
  public void expireAfter(long millis) {
    ctx.alarm().setIn(Duration.ofMillis(millis));
  }

  @Alarm
  void expire() {
    ctx.storage().deleteAll(true);
  }

  private long length(String key) {
    byte[] n = ctx.storage().get(LENGTH + key);
    return n == null ? 0 : Long.parseLong(text(n));
  }

  private static String checked(String key) {
    if (key.isEmpty() || key.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a key must be non-empty and without '/': " + key);
    }
    return key;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
