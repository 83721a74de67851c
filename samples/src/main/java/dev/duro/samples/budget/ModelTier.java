package dev.duro.samples.budget;

/**
 * The seed's model routing: each tier's model, its cost per call in micro-units of the budget
 * (millionths of a dollar) and its maximum concurrency.
 */
public enum ModelTier {
  /** {@code gpt-4o}, 0.03 per call, 5 at a time. */
  PREMIUM("gpt-4o", 30_000, 5),
  /** {@code gpt-4o-mini}, 0.005 per call, 20 at a time. */
  STANDARD("gpt-4o-mini", 5_000, 20),
  /** {@code gemini-2.0-flash}, 0.001 per call, 50 at a time. */
  ECONOMY("gemini-2.0-flash", 1_000, 50);

  private final String model;
  private final long costPerCall;
  private final int maxConcurrency;

  ModelTier(String model, long costPerCall, int maxConcurrency) {
    this.model = model;
    this.costPerCall = costPerCall;
    this.maxConcurrency = maxConcurrency;
  }

  /** The model this tier routes to. */
  public String model() {
    return model;
  }

  /** The cost of one call, in budget micro-units. */
  public long costPerCall() {
    return costPerCall;
  }

  /** How many calls a processor of this tier may make in one dispatch. */
  public int maxConcurrency() {
    return maxConcurrency;
  }
}
