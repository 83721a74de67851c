package dev.duro.samples.featureflags;

import java.time.Instant;
import java.util.Set;

/**
 * A feature flag.
 *
 * @param name the flag's name (non-empty)
 * @param enabled whether the flag is on at all; when off, nobody gets the feature
 * @param rolloutPercent the share of entities, 0 to 100, that get the feature when it is on
 * @param allowlist entities that always get the feature while it is on
 * @param blocklist entities that never get it (checked before the allowlist)
 * @param updatedAt when the flag was last set; set by {@link FeatureFlags#set}, ignored on input
 */
public record FeatureFlag(
    String name,
    boolean enabled,
    int rolloutPercent,
    Set<String> allowlist,
    Set<String> blocklist,
    Instant updatedAt) {
  /** A flag that is on for {@code rolloutPercent}% of entities, with empty lists. */
  public static FeatureFlag rollout(String name, int rolloutPercent) {
    return new FeatureFlag(name, true, rolloutPercent, Set.of(), Set.of(), Instant.EPOCH);
  }

  /** This flag with {@code rolloutPercent} instead. */
  public FeatureFlag withRolloutPercent(int rolloutPercent) {
    return new FeatureFlag(name, enabled, rolloutPercent, allowlist, blocklist, updatedAt);
  }

  /** This flag with {@code enabled} instead. */
  public FeatureFlag withEnabled(boolean enabled) {
    return new FeatureFlag(name, enabled, rolloutPercent, allowlist, blocklist, updatedAt);
  }

  /** This flag with these lists instead. */
  public FeatureFlag withLists(Set<String> allowlist, Set<String> blocklist) {
    return new FeatureFlag(name, enabled, rolloutPercent, allowlist, blocklist, updatedAt);
  }
}
