package dev.duro.samples.cache;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coordinates invalidation of one cache domain across several {@link CacheStore}s (seed 002's cache
 * coordinator). Writers {@link #register} each key they cache in a store, with tags; {@link
 * #invalidate} purges a key from every store that holds it, {@link #invalidateTag} does so for
 * every key of a tag and forgets the tag.
 *
 * <p>Where the seed only logs a store it cannot reach, this coordinator keeps that store on the
 * entry and retries the purge from its alarm every {@link #RETRY_INTERVAL} until it succeeds, so a
 * store that was down while a key was invalidated does not serve it stale for ever. Each purge is a
 * call to another object; one invalidation is one turn, so registrations never interleave with it.
 */
@DurableObject("cache.CacheCoordinator")
public class CacheCoordinator {
  /** How long after a failed purge the alarm retries it. */
  public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

  @Persist Map<String, CacheEntry> entries = new LinkedHashMap<>();
  @Persist Map<String, List<String>> tagKeys = new LinkedHashMap<>();

  private final ObjectContext ctx;
  private final CacheStoreNamespace stores;

  public CacheCoordinator(ObjectContext ctx) {
    this.ctx = ctx;
    this.stores = ctx.namespace(CacheStoreNamespace::of);
  }

  /** Records that {@code store} caches {@code key}, under {@code tags} (added to earlier ones). */
  @Rpc
  public CacheEntry register(String key, String store, List<String> tags) {
    CacheEntry old = entries.get(key);
    LinkedHashSet<String> storeSet = new LinkedHashSet<>();
    LinkedHashSet<String> tagSet = new LinkedHashSet<>();
    Optional<Instant> invalidatedAt = Optional.empty();
    if (old != null) {
      storeSet.addAll(old.stores());
      tagSet.addAll(old.tags());
      invalidatedAt = old.invalidatedAt();
    }
    storeSet.add(store);
    tagSet.addAll(tags);
    CacheEntry entry =
        new CacheEntry(key, List.copyOf(storeSet), List.copyOf(tagSet), invalidatedAt);
    entries.put(key, entry);
    for (String tag : tags) {
      List<String> keys = new ArrayList<>(tagKeys.getOrDefault(tag, List.of()));
      if (!keys.contains(key)) {
        keys.add(key);
        tagKeys.put(tag, keys);
      }
    }
    return entry;
  }

  /** Purges {@code key} from every store that holds it. An unknown key purges nothing. */
  @Rpc
  public Invalidation invalidate(String key) {
    return purge(key);
  }

  /** Purges every key of {@code tag} from every store that holds it, then forgets the tag. */
  @Rpc
  public TagInvalidation invalidateTag(String tag) {
    List<Invalidation> results = new ArrayList<>();
    for (String key : tagKeys.getOrDefault(tag, List.of())) {
      results.add(purge(key));
    }
    tagKeys.remove(tag);
    return new TagInvalidation(tag, results);
  }

  /** What the coordinator knows of {@code key}. */
  @Rpc
  public Optional<CacheEntry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The keys registered under {@code tag} and not yet invalidated by it. */
  @Rpc
  public List<String> keysOf(String tag) {
    return tagKeys.getOrDefault(tag, List.of());
  }

  @Alarm
  void retryFailedPurges() {
    for (CacheEntry e : List.copyOf(entries.values())) {
      if (e.invalidatedAt().isPresent() && !e.stores().isEmpty()) {
        purge(e.key());
      }
    }
  }

  private Invalidation purge(String key) {
    CacheEntry entry = entries.get(key);
    if (entry == null) {
      return new Invalidation(key, List.of(), List.of());
    }
    List<String> purged = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String store : entry.stores()) {
      try {
        stores.get(store).purge(List.of(key));
        purged.add(store);
      } catch (RuntimeException e) {
        // The store was not reached (overloaded, down): keep it on the entry for the alarm.
        failed.add(store);
      }
    }
    entries.put(
        key, new CacheEntry(key, List.copyOf(failed), entry.tags(), Optional.of(ctx.now())));
    if (!failed.isEmpty()) {
      ctx.alarm().setIn(RETRY_INTERVAL);
    }
    return new Invalidation(key, purged, failed);
  }
}
