package dev.duro.samples.reactor;

import java.time.Instant;
import java.util.Map;

/**
 * A command the agent emits: {@code decisionId} names the decision that made it (and makes sending
 * it idempotent), {@code type} is what to do (for example {@code research.request}).
 */
public record Command(
    String decisionId,
    String type,
    String brandId,
    Map<String, String> payload,
    Instant emittedAt) {}
