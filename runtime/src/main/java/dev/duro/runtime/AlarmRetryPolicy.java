package dev.duro.runtime;

import java.time.Duration;

/**
 * How a throwing alarm is retried: retry {@code n} (1, 2, ...) runs {@code initialDelay * 2^(n-1)}
 * after the failed attempt ended, lengthened by up to {@code jitter} of that delay, up to {@code
 * maxRetries} retries; when the last retry throws too, the alarm is deleted durably, logged as a
 * warning on the {@code System.Logger} {@code "dev.duro.runtime"} and counted ({@link
 * ObjectRuntime#abandonedAlarmCount()}). {@code AlarmInfo.retryCount()} tells the alarm method
 * which attempt it is. Retry state lives in memory: after a restart a pending alarm starts again at
 * retry count 0.
 *
 * <p>The jitter spreads the retries of many objects whose alarms failed together. The fraction used
 * for one retry is a hash of the object, the alarm's time and the retry number, not a random draw:
 * it differs between objects but a run on a manual clock is reproducible. Use {@code withJitter(0)}
 * for retries at exactly the doubling delays.
 *
 * <p>The defaults are those of Cloudflare Durable Objects: 2 seconds, doubling, up to 25% jitter, 6
 * retries.
 *
 * @param initialDelay delay before the first retry; positive
 * @param maxRetries number of retries after the first attempt; 0 disables retries
 * @param jitter largest extra delay, as a fraction of the delay; between 0 and 1
 */
public record AlarmRetryPolicy(Duration initialDelay, int maxRetries, double jitter) {
  /** The default jitter: up to 25% longer. */
  public static final double DEFAULT_JITTER = 0.25;

  private static final AlarmRetryPolicy DEFAULTS =
      new AlarmRetryPolicy(Duration.ofSeconds(2), 6, DEFAULT_JITTER);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if {@code initialDelay} is not positive, {@code maxRetries} is
   *     negative or {@code jitter} is not between 0 and 1
   */
  public AlarmRetryPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive, got " + initialDelay);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** A policy with the default jitter ({@value #DEFAULT_JITTER}). */
  public AlarmRetryPolicy(Duration initialDelay, int maxRetries) {
    this(initialDelay, maxRetries, DEFAULT_JITTER);
  }

  /** 2 seconds, doubling, up to 25% jitter, 6 retries. */
  public static AlarmRetryPolicy defaults() {
    return DEFAULTS;
  }

  /** This policy with another initial delay. */
  public AlarmRetryPolicy withInitialDelay(Duration initialDelay) {
    return new AlarmRetryPolicy(initialDelay, maxRetries, jitter);
  }

  /** This policy with another number of retries. */
  public AlarmRetryPolicy withMaxRetries(int maxRetries) {
    return new AlarmRetryPolicy(initialDelay, maxRetries, jitter);
  }

  /** This policy with another jitter (0: none). */
  public AlarmRetryPolicy withJitter(double jitter) {
    return new AlarmRetryPolicy(initialDelay, maxRetries, jitter);
  }

  /**
   * The delay before retry {@code retry} (1-based) without jitter: {@code initialDelay *
   * 2^(retry-1)}, saturating instead of overflowing.
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

  /**
   * The delay before retry {@code retry} with jitter fraction {@code unit} (in {@code [0, 1)}):
   * {@code delayBeforeRetry(retry) * (1 + jitter * unit)}, rounded down to the millisecond.
   */
  public Duration delayBeforeRetry(int retry, double unit) {
    if (!(unit >= 0 && unit < 1)) {
      throw new IllegalArgumentException("unit must be in [0, 1), got " + unit);
    }
    Duration base = delayBeforeRetry(retry);
    if (jitter == 0) {
      return base;
    }
    try {
      long ms = base.toMillis();
      return base.plusMillis((long) (ms * jitter * unit));
    } catch (ArithmeticException e) {
      return base;
    }
  }
}
