package dev.duro.samples.budget;

/** What a processor reports after working: its cost in budget micro-units, items and errors. */
public record UsageReport(
    String processorId, long cost, long items, long errors, double avgLatencyMs) {}
