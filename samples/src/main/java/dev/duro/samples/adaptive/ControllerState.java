package dev.duro.samples.adaptive;

/** Where an {@link AdaptiveController} is in its life. */
public enum ControllerState {
  /** Never started, or reset: no alarm, nothing learned. */
  STOPPED,
  /** Processing a batch every interval and adapting. */
  RUNNING,
  /**
   * The circuit is broken: the worker failed too many batches in a row. The controller goes on
   * probing with the minimum batch at a backed-off interval and returns to {@link #RUNNING} once
   * the success rate is above 80% again (or on {@code resume()}).
   */
  BACKOFF,
  /** Paused by {@code pause()}: no alarm until {@code start()} or {@code resume()}. */
  PAUSED
}
