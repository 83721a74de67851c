package dev.duro.runtime.testing;

import dev.duro.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link TimeSource} that only moves when told to: {@link #advance} runs due tasks on the calling
 * thread in time order (tasks scheduled by tasks included), each with {@link #now()} equal to its
 * due time. Tasks scheduled at or before now run at the next advance ({@code advance(ZERO)} runs
 * them). Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {
  /** The default start: 2030-01-01T00:00:00Z. */
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

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

  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private Instant now;
  private long seq;

  public ManualTimeSource() {
    this(START);
  }

  public ManualTimeSource(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Instant at, Runnable task) {
    Task t = new Task(at, seq++, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Number of scheduled, not cancelled tasks. */
  public synchronized int pendingTasks() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  public void advance(Duration d) {
    advanceTo(now().plus(d));
  }

  public void advanceTo(Instant target) {
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.at.isAfter(target)) {
          if (target.isAfter(now)) {
            now = target;
          }
          return;
        }
        tasks.poll();
        if (next.at.isAfter(now)) {
          now = next.at;
        }
      }
      if (!next.cancelled) {
        next.run.run();
      }
    }
  }
}
