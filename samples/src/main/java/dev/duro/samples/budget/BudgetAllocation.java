package dev.duro.samples.budget;

/**
 * One processor's share of a cycle: {@code allocated} and {@code spent} budget micro-units, the
 * items and errors reported, and the items' average latency.
 */
public record BudgetAllocation(
    long allocated, long spent, long items, long errors, double avgLatencyMs) {
  /** What is left to spend (negative once over budget). */
  public long remaining() {
    return allocated - spent;
  }
}
