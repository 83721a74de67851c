package dev.duro.testkit;

import dev.duro.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when a test moves it. It starts at {@link #DEFAULT_START}
 * (2030-01-01T00:00:00Z) unless told otherwise.
 *
 * <p>{@link #advance} and {@link #advanceTo} run every task that becomes due, on the calling
 * thread, in time order (ties in scheduling order), including tasks scheduled by those tasks while
 * advancing; while a task runs, {@link #now()} equals its due time. Tasks scheduled for a time at
 * or before {@link #now()} run at the next advance: {@code advance(Duration.ZERO)} runs them. A
 * task that throws does not stop the others; the advance rethrows the first failure at its end.
 *
 * <p>Thread-safe: any thread may read the time or schedule; advances are serialised.
 */
public final class ManualClock implements TimeSource {
  /** Where a clock starts by default: 2030-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2030-01-01T00:00:00Z");

  private static final class Task implements Comparable<Task> {
    final Instant at;
    final long seq;
    final Runnable run;
    volatile boolean cancelled;

    Task(Instant at, long seq, Runnable run) {
      this.at = at;
      this.seq = seq;
      this.run = run;
    }

    @Override
    public int compareTo(Task o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final Object lock = new Object();
  private final ReentrantLock advancing = new ReentrantLock();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private Instant now;
  private long seq;

  /** A clock at {@link #DEFAULT_START}. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /** A clock at {@code start}. */
  public ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    synchronized (lock) {
      return now;
    }
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    synchronized (lock) {
      Task t = new Task(at, seq++, task);
      tasks.add(t);
      return () -> t.cancelled = true;
    }
  }

  /** Number of scheduled tasks not yet run nor cancelled (alarms, retries, the idle sweep). */
  public int pendingTasks() {
    synchronized (lock) {
      return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }
  }

  /**
   * Moves the clock forward by {@code duration}, running the tasks that become due.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Cannot advance by a negative duration: " + duration);
    }
    advancing.lock();
    try {
      advanceTo(now().plus(duration));
    } finally {
      advancing.unlock();
    }
  }

  /**
   * Moves the clock forward to {@code target}, running the tasks that become due.
   *
   * @throws IllegalArgumentException if {@code target} is before {@link #now()}
   */
  public void advanceTo(Instant target) {
    advancing.lock();
    try {
      Instant current = now();
      if (target.isBefore(current)) {
        throw new IllegalArgumentException(
            "Cannot move the clock back from " + current + " to " + target);
      }
      RuntimeException failure = null;
      while (true) {
        Task next;
        synchronized (lock) {
          next = tasks.peek();
          if (next == null || next.at.isAfter(target)) {
            now = target;
            break;
          }
          tasks.poll();
          if (next.at.isAfter(now)) {
            now = next.at;
          }
        }
        if (!next.cancelled) {
          try {
            next.run.run();
          } catch (RuntimeException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      advancing.unlock();
    }
  }

  @Override
  public String toString() {
    return "ManualClock[" + now() + "]";
  }
}
