package dev.duro.samples.cache;

import java.util.List;

/**
 * The outcome of invalidating {@code key}: the stores it was purged from, and those that could not
 * be reached (the coordinator's alarm retries them).
 */
public record Invalidation(String key, List<String> purged, List<String> failed) {}
