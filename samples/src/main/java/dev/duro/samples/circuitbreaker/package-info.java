/**
 * A circuit breaker per upstream (seed 000): one {@link
 * dev.duro.samples.circuitbreaker.CircuitBreaker} object per upstream holds the state every caller
 * shares, and {@link dev.duro.samples.circuitbreaker.CircuitBreakers} wraps calls to the upstream
 * in it. Runnable demo: {@link dev.duro.samples.circuitbreaker.CircuitBreakerDemo}.
 */
package dev.duro.samples.circuitbreaker;
