package dev.duro.runtime;

import java.time.Duration;

/**
 * How a throwing alarm is retried: retry {@code n} (1, 2, ...) runs {@code initialDelay * 2^(n-1)}
 * after the failed attempt ended, up to {@code maxRetries} retries; when the last retry throws too,
 * the alarm is deleted durably and dropped. {@code AlarmInfo.retryCount()} tells the alarm method
 * which attempt it is. Retry state lives in memory: after a restart a pending alarm starts again at
 * retry count 0.
 *
 * <p>The defaults are those of Cloudflare Durable Objects: 2 seconds, doubling, 6 retries.
 *
 * @param initialDelay delay before the first retry; positive
 * @param maxRetries number of retries after the first attempt; 0 disables retries
 */
public record AlarmRetryPolicy(Duration initialDelay, int maxRetries) {
  private static final AlarmRetryPolicy DEFAULTS = new AlarmRetryPolicy(Duration.ofSeconds(2), 6);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if {@code initialDelay} is not positive or {@code maxRetries}
   *     is negative
   */
  public AlarmRetryPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive, got " + initialDelay);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
  }

  /** 2 seconds, doubling, 6 retries. */
  public static AlarmRetryPolicy defaults() {
    return DEFAULTS;
  }

  /** This policy with another initial delay. */
  public AlarmRetryPolicy withInitialDelay(Duration initialDelay) {
    return new AlarmRetryPolicy(initialDelay, maxRetries);
  }

  /** This policy with another number of retries. */
  public AlarmRetryPolicy withMaxRetries(int maxRetries) {
    return new AlarmRetryPolicy(initialDelay, maxRetries);
  }

  /**
   * The delay before retry {@code retry} (1-based): {@code initialDelay * 2^(retry-1)}, saturating
   * instead of overflowing.
   */
  public Duration delayBeforeRetry(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based, got " + retry);
    }
    int shift = Math.min(retry - 1, 62);
    try {
      return initialDelay.multipliedBy(1L << shift);
    } catch (ArithmeticException e) {
      return Duration.ofSeconds(Long.MAX_VALUE / 4);
    }
  }
}
