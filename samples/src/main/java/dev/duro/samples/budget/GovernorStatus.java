package dev.duro.samples.budget;

import java.util.List;
import java.util.Optional;

/** The governor's configuration, its cycle in progress, and the history of completed cycles. */
public record GovernorStatus(
    List<ProcessorConfig> processors,
    Optional<BudgetCycle> currentCycle,
    List<CycleSummary> history) {}
