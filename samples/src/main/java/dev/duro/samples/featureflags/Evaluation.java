package dev.duro.samples.featureflags;

/**
 * The result of evaluating a flag for one entity.
 *
 * @param flag the flag's name
 * @param enabled whether the entity gets the feature
 * @param reason why
 * @param rolloutPercent the flag's rollout percentage (0 if there is no such flag)
 */
public record Evaluation(String flag, boolean enabled, Reason reason, int rolloutPercent) {}
