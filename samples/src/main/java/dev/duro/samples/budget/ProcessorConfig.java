package dev.duro.samples.budget;

/**
 * A processor the governor funds: its share of each cycle's budget ({@code weightPercent}; the
 * enabled processors' weights sum to 100), its {@code phase} (lower runs earlier) and its model
 * tier.
 */
public record ProcessorConfig(
    String id, int weightPercent, int phase, ModelTier tier, boolean enabled) {}
