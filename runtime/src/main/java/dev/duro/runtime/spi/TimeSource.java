package dev.duro.runtime.spi;

import java.time.Instant;

/**
 * The runtime's only source of time: the clock that {@code ObjectContext.now()} reads and the
 * scheduler that fires alarms, alarm retries and the idle sweep. The default is the system clock
 * with one daemon timer thread; the test kit's manual clock runs due tasks when it is advanced.
 *
 * <p>Implementations are thread-safe: {@link #schedule} may be called from any thread, including
 * from inside a scheduled task.
 */
public interface TimeSource {

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents the task from running if it has not started; idempotent. */
    void cancel();
  }

  /** The current time. */
  Instant now();

  /**
   * Runs {@code task} once, at or after {@code at} (as soon as possible if {@code at} is not in the
   * future). Tasks must be short and must not block: the runtime's tasks only enqueue work. A task
   * that throws does not affect other tasks.
   */
  Cancellable schedule(Instant at, Runnable task);
}
