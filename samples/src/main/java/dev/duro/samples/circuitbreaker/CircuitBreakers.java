package dev.duro.samples.circuitbreaker;

import dev.duro.binding.Invoker;
import java.util.function.Supplier;

/**
 * Guards calls to upstreams with their shared {@link CircuitBreaker} objects, one per upstream
 * name: asks for a permit, runs the call, and reports its result.
 *
 * <p>Thread-safe; holds no state but the namespace.
 */
public final class CircuitBreakers {
  private final CircuitBreakerNamespace breakers;

  /** Guards calls with breakers reached through {@code invoker}. */
  public CircuitBreakers(Invoker invoker) {
    this.breakers = CircuitBreakerNamespace.of(invoker);
  }

  /** The breaker of {@code upstream}. */
  public CircuitBreakerStub breaker(String upstream) {
    return breakers.get(upstream);
  }

  /**
   * Runs {@code call} if {@code upstream}'s breaker allows it, and reports the outcome: a normal
   * return is a success, a {@link RuntimeException} a failure (rethrown as is).
   *
   * @throws CircuitOpenException if the breaker refused the call; {@code call} did not run
   */
  public <T> T call(String upstream, Supplier<T> call) {
    CircuitBreakerStub breaker = breakers.get(upstream);
    Permit permit = breaker.acquire();
    if (!permit.allowed()) {
      throw new CircuitOpenException(upstream, permit);
    }
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      breaker.recordFailure();
      throw e;
    }
    breaker.recordSuccess();
    return result;
  }
}
