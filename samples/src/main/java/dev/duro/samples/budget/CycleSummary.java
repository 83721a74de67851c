package dev.duro.samples.budget;

import java.time.Instant;

/**
 * A completed cycle, as kept in the governor's history (the last {@value BudgetGovernor#HISTORY}).
 */
public record CycleSummary(
    String cycleId, long totalBudget, long totalSpent, Instant completedAt) {}
