package dev.duro.samples.ratelimit;

import dev.duro.binding.Invoker;
import java.time.Duration;

/**
 * A {@link RateLimitStore} backed by one {@link RateLimiter} object per key: seed 000's {@code
 * DurableObjectRateLimitStore}. The key is the object's name ({@code idFromName(key)}), so every
 * client, in any process, reaches the same counter for the same key, and counts are exact.
 *
 * <p>Thread-safe; holds no state but the namespace.
 */
public final class DurableRateLimitStore implements RateLimitStore {
  private final RateLimiterNamespace limiters;

  /** A store calling its objects through {@code invoker} (a {@code DuroClient}, a test kit...). */
  public DurableRateLimitStore(Invoker invoker) {
    this.limiters = RateLimiterNamespace.of(invoker);
  }

  @Override
  public WindowCount increment(String key, Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    return limiters.get(key).increment(window.toMillis());
  }

  /** The stub of the object holding {@code key}'s counter. */
  public RateLimiterStub limiter(String key) {
    return limiters.get(key);
  }
}
