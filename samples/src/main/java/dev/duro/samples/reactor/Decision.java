package dev.duro.samples.reactor;

import java.time.Instant;

/** One entry of the decision log: why the agent did what it did. */
public record Decision(
    String id, String type, String reason, DecisionResult result, Instant timestamp) {}
