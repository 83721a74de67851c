package dev.duro.samples.circuitbreaker;

/** The state of a circuit breaker. */
public enum CircuitState {
  /** Calls go through; consecutive failures are counted. */
  CLOSED,
  /** Calls are refused until the open period ends; then the breaker moves to half-open. */
  OPEN,
  /** A limited number of trial calls go through; their results close or reopen the breaker. */
  HALF_OPEN
}
