package dev.duro.samples.adaptive;

/** What an {@link AdaptiveController} decided after its last batch (the seed's thresholds). */
public enum Adaptation {
  /** No batch has run yet. */
  NONE,
  /** The worker had nothing to do; nothing changed. */
  IDLE,
  /** Success rate above 95% (and not slow): batch size times 1.5, up to the maximum. */
  GROW,
  /**
   * Success rate 80–95%, or a batch whose call failed as a whole below the circuit breaker's
   * threshold: nothing changed.
   */
  HOLD,
  /**
   * Success rate 50–80%, or slower than the latency target: batch size halved, down to the minimum.
   */
  SHRINK,
  /** Success rate below 50%: minimum batch, interval times 1.5 up to the maximum. */
  CRITICAL,
  /**
   * Too many failed batches in a row: minimum batch, interval doubled up to the maximum, state
   * {@link ControllerState#BACKOFF}.
   */
  CIRCUIT_BREAK
}
