package dev.duro.samples.budget;

/** The governor's answer to a usage report: the processor's remaining budget, and if it is over. */
public record UsageAck(String processorId, long remaining, boolean overBudget) {}
