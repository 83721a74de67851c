/**
 * Feature flags with deterministic percentage rollout (seed 002, "Feature Flag Controller"): {@link
 * dev.duro.samples.featureflags.FeatureFlags}. Runnable demo: {@link
 * dev.duro.samples.featureflags.FeatureFlagDemo}.
 */
package dev.duro.samples.featureflags;
