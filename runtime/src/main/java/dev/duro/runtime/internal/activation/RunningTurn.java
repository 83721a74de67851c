package dev.duro.runtime.internal.activation;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * The user code of one turn while it runs, as the {@link TurnWatchdog} sees it: what runs, on which
 * thread, since when, and whether the turn was already reported as slow. The turn's thread and the
 * watchdog race to report a slow turn; {@link #claimWhileRunning} and {@link #end} decide who does,
 * so a turn is counted once.
 */
final class RunningTurn {
  private static final int RUNNING = 0;
  private static final int REPORTED = 1;
  private static final int ENDED = 2;

  /** The watchdog is counting and logging the turn; its end waits for that to finish. */
  private static final int CLAIMING = 3;

  private static final AtomicIntegerFieldUpdater<RunningTurn> STATE =
      AtomicIntegerFieldUpdater.newUpdater(RunningTurn.class, "state");

  final ObjectCell cell;
  final String method;

  /** The slot of the thread running it, where it is published while it runs. */
  final TurnWatchdog.Slot slot;

  final Thread thread;

  /**
   * The turn this one runs inside, on the same thread (a turn calling another object through a
   * direct turn executor runs that object's turn on its own stack), or null.
   */
  final @Nullable RunningTurn outer;

  /** {@link System#nanoTime()} when the user code started. */
  final long startNanos;

  private volatile int state = RUNNING;

  /** Running time at which the watchdog logs a reminder; confined to the watchdog's lock. */
  long nextReportNanos;

  RunningTurn(
      ObjectCell cell,
      String method,
      TurnWatchdog.Slot slot,
      long startNanos,
      @Nullable RunningTurn outer) {
    this.cell = cell;
    this.method = method;
    this.slot = slot;
    this.thread = slot.thread;
    this.startNanos = startNanos;
    this.outer = outer;
  }

  /**
   * For the watchdog: marks a running turn reported, running {@code report} (count and log) first;
   * false if it ended or was reported already. The turn's {@link #end} waits while {@code report}
   * runs, so once a turn has ended (and its caller has its reply) the count and the log include it.
   */
  boolean claimWhileRunning(Runnable report) {
    if (!STATE.compareAndSet(this, RUNNING, CLAIMING)) {
      return false;
    }
    try {
      report.run();
    } finally {
      state = REPORTED;
    }
    return true;
  }

  /** Whether the watchdog reported the turn (and it has not ended). */
  boolean isReported() {
    return state == REPORTED;
  }

  /**
   * For the turn's thread, once the user code returned or threw: marks the turn ended.
   *
   * @return whether the watchdog had reported it while it ran
   */
  boolean end() {
    while (true) {
      int s = state;
      if (s == CLAIMING) {
        Thread.onSpinWait();
      } else if (STATE.compareAndSet(this, s, ENDED)) {
        return s == REPORTED;
      }
    }
  }
}
