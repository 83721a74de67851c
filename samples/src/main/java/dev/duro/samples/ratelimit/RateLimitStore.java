package dev.duro.samples.ratelimit;

import java.time.Duration;

/**
 * Where a rate-limit policy keeps its counters: the {@code RateLimitStore} interface of seed 000,
 * which a gateway's rate-limit policy calls once per request.
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimitStore {
  /**
   * Counts one request for {@code key} in the fixed window of length {@code window} and returns the
   * window's count and reset time.
   *
   * @throws IllegalArgumentException if {@code window} is not positive
   * @throws dev.duro.DuroException if the store could not be reached
   */
  WindowCount increment(String key, Duration window);

  /**
   * Counts one request for {@code key} and decides whether it is within {@code max} requests per
   * {@code window}. A rejected request still counts, as in seed 000's gateway: a client that keeps
   * sending while limited does not get through earlier.
   *
   * @throws IllegalArgumentException if {@code max} is negative or {@code window} not positive
   */
  default Decision check(String key, long max, Duration window) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    WindowCount c = increment(key, window);
    boolean allowed = c.count() <= max;
    return new Decision(allowed, Math.max(0, max - c.count()), allowed ? 0 : c.resetInMillis());
  }
}
