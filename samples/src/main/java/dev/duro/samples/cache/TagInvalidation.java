package dev.duro.samples.cache;

import java.util.List;

/** The outcome of invalidating every key of {@code tag}, one {@link Invalidation} per key. */
public record TagInvalidation(String tag, List<Invalidation> keys) {}
