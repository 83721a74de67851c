package dev.duro.samples.budget;

/**
 * The governor's instruction to one processor for the current cycle: run up to {@code maxItems}
 * items on {@code model}, or, if {@code skipped}, nothing ({@code reason} says why).
 */
public record Dispatch(
    String processorId, int phase, String model, long maxItems, boolean skipped, String reason) {}
