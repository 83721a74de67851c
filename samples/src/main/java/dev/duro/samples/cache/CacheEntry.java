package dev.duro.samples.cache;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the coordinator knows of a cache key: the {@code stores} that hold it (not yet purged), its
 * {@code tags}, and when it was last invalidated.
 */
public record CacheEntry(
    String key, List<String> stores, List<String> tags, Optional<Instant> invalidatedAt) {}
