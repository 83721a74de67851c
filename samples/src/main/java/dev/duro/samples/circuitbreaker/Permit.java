package dev.duro.samples.circuitbreaker;

/**
 * The answer of a {@link CircuitBreaker} to a caller that wants to call the upstream.
 *
 * @param allowed whether the caller may call the upstream now; if so it must report the result with
 *     {@link CircuitBreaker#recordSuccess} or {@link CircuitBreaker#recordFailure}
 * @param state the breaker's state after this decision
 * @param retryAfterMillis when refused, milliseconds until the breaker may let a call through; 0
 *     when allowed
 */
public record Permit(boolean allowed, CircuitState state, long retryAfterMillis) {}
