/**
 * A cache coordinator with tag invalidation (seed 002): a {@link
 * dev.duro.samples.cache.CacheCoordinator} remembers which {@link
 * dev.duro.samples.cache.CacheStore} holds which key under which tags, and purges a key, or every
 * key of a tag, from all of them.
 */
package dev.duro.samples.cache;
