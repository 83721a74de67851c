package dev.duro.samples.circuitbreaker;

/**
 * How a {@link CircuitBreaker} trips and recovers.
 *
 * @param failureThreshold consecutive failures that open a closed breaker (at least 1)
 * @param openMillis how long the breaker stays open before it lets trial calls through; also how
 *     long a trial call may stay unreported before its slot is given to another caller (positive)
 * @param halfOpenTrials trial calls allowed at once while half-open (at least 1)
 * @param successThreshold successful trials that close a half-open breaker (at least 1)
 */
public record BreakerSettings(
    int failureThreshold, long openMillis, int halfOpenTrials, int successThreshold) {
  /** Five failures, 30 seconds open, one trial at a time, one success to close. */
  public static BreakerSettings defaults() {
    return new BreakerSettings(5, 30_000, 1, 1);
  }

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public BreakerSettings validate() {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1: " + failureThreshold);
    }
    if (openMillis <= 0) {
      throw new IllegalArgumentException("openMillis must be positive: " + openMillis);
    }
    if (halfOpenTrials < 1) {
      throw new IllegalArgumentException("halfOpenTrials must be >= 1: " + halfOpenTrials);
    }
    if (successThreshold < 1) {
      throw new IllegalArgumentException("successThreshold must be >= 1: " + successThreshold);
    }
    return this;
  }
}
