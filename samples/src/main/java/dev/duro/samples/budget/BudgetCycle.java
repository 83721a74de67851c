package dev.duro.samples.budget;

import java.time.Instant;
import java.util.Map;

/** A budget cycle in progress: its total budget and each enabled processor's allocation. */
public record BudgetCycle(
    String cycleId,
    long totalBudget,
    Instant startedAt,
    Map<String, BudgetAllocation> allocations) {}
