package dev.duro.runtime.internal.alarm;

import dev.duro.runtime.spi.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link TimeSource}: the system UTC clock and one daemon timer thread ({@code
 * "duro-timer"}). The only place in the runtime that reads the wall clock. Tasks whose time has
 * passed run as soon as possible; a task that throws does not stop the timer.
 */
public final class SystemTimeSource implements TimeSource, AutoCloseable {
  private final Clock clock = Clock.systemUTC();
  private final ScheduledThreadPoolExecutor timer;

  public SystemTimeSource() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "duro-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    long delayNanos;
    try {
      delayNanos = Math.max(0, Duration.between(now(), at).toNanos());
    } catch (ArithmeticException e) {
      delayNanos = at.isAfter(now()) ? Long.MAX_VALUE / 2 : 0;
    }
    ScheduledFuture<?> f;
    try {
      f =
          timer.schedule(
              () -> {
                try {
                  task.run();
                } catch (RuntimeException e) {
                  Thread t = Thread.currentThread();
                  t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
              },
              delayNanos,
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: the runtime is shutting down and drops its timers anyway.
      return () -> {};
    }
    return () -> f.cancel(false);
  }

  /** Stops the timer thread; pending tasks never run. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
