package dev.duro.samples.featureflags;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of feature flags, evaluated per entity (a user, an account): one object per environment,
 * for example named {@code "production"}. Every evaluation of a flag sees its latest version, and
 * setting a flag is atomic, so no caller ever sees half of an update.
 *
 * <p>Evaluation order, as in seed 002: unknown flag, switched off, blocklist, allowlist, then the
 * {@link Rollout} bucket against the rollout percentage.
 */
@DurableObject("FeatureFlags")
public class FeatureFlags {
  @Persist Map<String, FeatureFlag> flags = new TreeMap<>();

  private final ObjectContext ctx;

  public FeatureFlags(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Creates or replaces {@code flag} and returns it as stored, with {@code updatedAt} now.
   *
   * @throws IllegalArgumentException if the name is empty or the percentage not in 0..100
   */
  @Rpc
  public FeatureFlag set(FeatureFlag flag) {
    if (flag.name().isEmpty()) {
      throw new IllegalArgumentException("flag name must not be empty");
    }
    if (flag.rolloutPercent() < 0 || flag.rolloutPercent() > 100) {
      throw new IllegalArgumentException(
          "rolloutPercent must be in 0..100: " + flag.rolloutPercent());
    }
    FeatureFlag stored =
        new FeatureFlag(
            flag.name(),
            flag.enabled(),
            flag.rolloutPercent(),
            new LinkedHashSet<>(flag.allowlist()),
            new LinkedHashSet<>(flag.blocklist()),
            ctx.now());
    flags.put(flag.name(), stored);
    return stored;
  }

  /** The flag named {@code name}, if any. */
  @Rpc
  public Optional<FeatureFlag> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /** Every flag, by name. */
  @Rpc
  public Map<String, FeatureFlag> list() {
    return new TreeMap<>(flags);
  }

  /** Deletes the flag named {@code name}; returns whether it existed. */
  @Rpc
  public boolean delete(String name) {
    return flags.remove(name) != null;
  }

  /** Evaluates the flag named {@code flag} for {@code entityId}. */
  @Rpc
  public Evaluation evaluate(String flag, String entityId) {
    FeatureFlag f = flags.get(flag);
    if (f == null) {
      return new Evaluation(flag, false, Reason.NOT_FOUND, 0);
    }
    int percent = f.rolloutPercent();
    if (!f.enabled()) {
      return new Evaluation(flag, false, Reason.DISABLED, percent);
    }
    if (f.blocklist().contains(entityId)) {
      return new Evaluation(flag, false, Reason.BLOCKLISTED, percent);
    }
    if (f.allowlist().contains(entityId)) {
      return new Evaluation(flag, true, Reason.ALLOWLISTED, percent);
    }
    boolean on = Rollout.bucket(flag, entityId) < percent;
    return new Evaluation(
        flag, on, on ? Reason.ROLLOUT_INCLUDED : Reason.ROLLOUT_EXCLUDED, percent);
  }

  /** Evaluates every flag for {@code entityId}, by flag name: one call per page view. */
  @Rpc
  public Map<String, Boolean> evaluateAll(String entityId) {
    Map<String, Boolean> result = new TreeMap<>();
    for (String name : flags.keySet()) {
      result.put(name, evaluate(name, entityId).enabled());
    }
    return result;
  }
}
