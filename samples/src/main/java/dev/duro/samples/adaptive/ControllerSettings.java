package dev.duro.samples.adaptive;

/**
 * How an {@link AdaptiveController} sizes and paces its batches. The thresholds on the success rate
 * are the seed's and fixed (see {@link Adaptation}); these are the quantities around them.
 *
 * @param initialBatchSize the batch size of a freshly started controller
 * @param minBatchSize the floor of shrinking, and the batch size after a critical batch or a
 *     circuit break
 * @param maxBatchSize the cap of growing
 * @param intervalMillis the time between batches while healthy, in milliseconds
 * @param maxIntervalMillis the cap of backing off, in milliseconds
 * @param windowSize how many of the latest item results the success rate and the average latency
 *     are computed over
 * @param circuitBreakAfter failed batches in a row that break the circuit; a batch fails when all
 *     its items fail or the call to the worker fails
 * @param slowLatencyMillis an average latency above which the downstream counts as struggling: the
 *     batch shrinks instead of growing or holding; 0 turns the rule off (the seed has no such rule)
 */
public record ControllerSettings(
    int initialBatchSize,
    int minBatchSize,
    int maxBatchSize,
    long intervalMillis,
    long maxIntervalMillis,
    int windowSize,
    int circuitBreakAfter,
    long slowLatencyMillis) {

  /**
   * The seed's numbers: batches of 10, between 5 and 50, every minute, backing off to at most 5
   * minutes; a window of the last 100 results; the circuit breaks after 5 failed batches in a row;
   * no latency target.
   */
  public static ControllerSettings defaults() {
    return new ControllerSettings(10, 5, 50, 60_000, 300_000, 100, 5, 0);
  }

  /**
   * These settings with batches every {@code intervalMillis}, backing off to at most {@code max}.
   */
  public ControllerSettings withInterval(long intervalMillis, long maxIntervalMillis) {
    return new ControllerSettings(
        initialBatchSize,
        minBatchSize,
        maxBatchSize,
        intervalMillis,
        maxIntervalMillis,
        windowSize,
        circuitBreakAfter,
        slowLatencyMillis);
  }

  /**
   * These settings with batches starting at {@code initial}, between {@code min} and {@code max}.
   */
  public ControllerSettings withBatchSize(int initial, int min, int max) {
    return new ControllerSettings(
        initial,
        min,
        max,
        intervalMillis,
        maxIntervalMillis,
        windowSize,
        circuitBreakAfter,
        slowLatencyMillis);
  }

  /** These settings with a window of the last {@code windowSize} results. */
  public ControllerSettings withWindowSize(int windowSize) {
    return new ControllerSettings(
        initialBatchSize,
        minBatchSize,
        maxBatchSize,
        intervalMillis,
        maxIntervalMillis,
        windowSize,
        circuitBreakAfter,
        slowLatencyMillis);
  }

  /** These settings with the circuit breaking after {@code failedBatches} in a row. */
  public ControllerSettings withCircuitBreakAfter(int failedBatches) {
    return new ControllerSettings(
        initialBatchSize,
        minBatchSize,
        maxBatchSize,
        intervalMillis,
        maxIntervalMillis,
        windowSize,
        failedBatches,
        slowLatencyMillis);
  }

  /** These settings with a latency target of {@code slowLatencyMillis} (0: none). */
  public ControllerSettings withSlowLatency(long slowLatencyMillis) {
    return new ControllerSettings(
        initialBatchSize,
        minBatchSize,
        maxBatchSize,
        intervalMillis,
        maxIntervalMillis,
        windowSize,
        circuitBreakAfter,
        slowLatencyMillis);
  }

  /**
   * Checks the settings.
   *
   * @return these settings
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public ControllerSettings validate() {
    if (minBatchSize < 1) {
      throw new IllegalArgumentException("minBatchSize must be >= 1: " + minBatchSize);
    }
    if (maxBatchSize < minBatchSize) {
      throw new IllegalArgumentException(
          "maxBatchSize must be >= minBatchSize " + minBatchSize + ": " + maxBatchSize);
    }
    if (initialBatchSize < minBatchSize || initialBatchSize > maxBatchSize) {
      throw new IllegalArgumentException(
          "initialBatchSize must be within ["
              + minBatchSize
              + ", "
              + maxBatchSize
              + "]: "
              + initialBatchSize);
    }
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
    }
    if (maxIntervalMillis < intervalMillis) {
      throw new IllegalArgumentException(
          "maxIntervalMillis must be >= intervalMillis "
              + intervalMillis
              + ": "
              + maxIntervalMillis);
    }
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1: " + windowSize);
    }
    if (circuitBreakAfter < 1) {
      throw new IllegalArgumentException("circuitBreakAfter must be >= 1: " + circuitBreakAfter);
    }
    if (slowLatencyMillis < 0) {
      throw new IllegalArgumentException("slowLatencyMillis must be >= 0: " + slowLatencyMillis);
    }
    return this;
  }
}
