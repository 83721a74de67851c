package dev.duro.runtime.internal.activation;

import dev.duro.runtime.StuckTurn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Reports turns whose user code runs longer than the slow-turn threshold: when they end, and, for a
 * turn that does not end (an endless loop, a call blocked forever), while they still run.
 *
 * <p>A turn's thread publishes a {@link RunningTurn} in a slot of its own (one per thread that has
 * run a turn of this runtime) when the user code starts, and ends it when the user code returns or
 * throws (one allocation and one atomic swap per turn; nothing shared is written). Every {@code
 * threshold / 2} (at least 10 ms) a check walks the slots, so its cost grows with the number of
 * turn threads, not of objects in memory (walking 100,000 active objects was a third of the CPU of
 * an otherwise idle host), and reports each turn running past the threshold: counted once in the
 * slow-turn count, and logged as a WARNING with its thread's stack. While it keeps running, a
 * reminder is logged each time its running time has at least doubled and at least 10 thresholds
 * after the previous log. When a reported turn ends it is not counted again; its end is logged at
 * INFO.
 *
 * <p>The check runs on one daemon thread shared by every runtime of the JVM ({@code
 * "duro-watchdog"}), one scheduled task per runtime. It measures real time ({@link
 * System#nanoTime()}), like deadlines, never the runtime's {@code TimeSource}: a manual clock does
 * not stop a turn from hanging. Slots of threads that have terminated are dropped by the check.
 *
 * <p>Thread-safe. Checks are serialized by this object's lock, which turn threads never take.
 */
final class TurnWatchdog {
  private static final System.Logger LOG = System.getLogger("dev.duro.runtime");

  /** Reminders of a turn that keeps running are at least this many thresholds apart. */
  static final int REMINDER_THRESHOLDS = 10;

  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final long thresholdNanos;
  private final LongAdder slowTurns = new LongAdder();
  private final ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Slot> mySlot = ThreadLocal.withInitial(this::register);
  private @Nullable ScheduledFuture<?> task;

  /**
   * What one thread runs: the innermost running turn, whose {@link RunningTurn#outer} chain holds
   * the turns it runs inside. Written by its thread only. Static, so that a thread-local entry left
   * in a pool thread after the runtime closed does not keep the watchdog reachable.
   */
  static final class Slot {
    final Thread thread;
    volatile @Nullable RunningTurn innermost;

    Slot(Thread thread) {
      this.thread = thread;
    }
  }

  TurnWatchdog(Duration threshold) {
    this.thresholdNanos = threshold.toNanos();
  }

  private Slot register() {
    Slot s = new Slot(Thread.currentThread());
    slots.add(s);
    return s;
  }

  /** Schedules the periodic check. */
  synchronized void start() {
    long period = Math.max(MIN_PERIOD_NANOS, thresholdNanos / 2);
    task =
        Timer.EXECUTOR.scheduleWithFixedDelay(
            this::checkQuietly, period, period, TimeUnit.NANOSECONDS);
  }

  /** Cancels the periodic check; {@link #check()} still works. Idempotent. */
  synchronized void close() {
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
      task = null;
    }
  }

  /**
   * Called by a turn's thread when its user code starts; {@code startNanos} from nanoTime.
   *
   * @return what to pass to {@link #ended} on the same thread
   */
  RunningTurn started(ObjectCell cell, String method, long startNanos) {
    Slot s = mySlot.get();
    RunningTurn r = new RunningTurn(cell, method, s, startNanos, s.innermost);
    s.innermost = r;
    return r;
  }

  /** Called by a turn's thread once the user code of {@code r} returned or threw. */
  void ended(RunningTurn r) {
    long took = System.nanoTime() - r.startNanos;
    // Turns nested on one thread end innermost first (each runs on the stack of the one outside).
    r.slot.innermost = r.outer;
    ObjectCell cell = r.cell;
    String method = r.method;
    boolean reported = r.end();
    if (reported) {
      LOG.log(
          System.Logger.Level.INFO,
          "Stuck turn ended: {0}.{1} on {2} ran {3} ms (reported while it ran, counted then)",
          cell.key.namespace(),
          method,
          cell,
          TimeUnit.NANOSECONDS.toMillis(took));
    } else if (took > thresholdNanos) {
      slowTurns.increment();
      LOG.log(
          System.Logger.Level.WARNING,
          "Slow turn: {0}.{1} on {2} ran {3} ms, over the threshold of {4} ms",
          cell.key.namespace(),
          method,
          cell,
          TimeUnit.NANOSECONDS.toMillis(took),
          TimeUnit.NANOSECONDS.toMillis(thresholdNanos));
    }
  }

  /** Threads with a slot (for tests). */
  int slotCount() {
    return slots.size();
  }

  /** Turns reported slow since start: each once, while running or when it ended. */
  long slowTurnCount() {
    return slowTurns.sum();
  }

  private void checkQuietly() {
    try {
      check();
    } catch (Throwable t) {
      // A throwing periodic task would be cancelled for good: keep watching.
      LOG.log(System.Logger.Level.ERROR, "Turn watchdog check failed", t);
    }
  }

  /**
   * Reports every turn running past the threshold that was not reported yet (and reminds of those
   * due a reminder), then returns all of them, longest running first.
   */
  synchronized List<StuckTurn> check() {
    List<StuckTurn> overdue = new ArrayList<>();
    for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
      Slot slot = it.next();
      RunningTurn innermost = slot.innermost;
      if (innermost == null && !slot.thread.isAlive()) {
        it.remove();
        continue;
      }
      for (RunningTurn r = innermost; r != null; r = r.outer) {
        check(r, overdue);
      }
    }
    overdue.sort(Comparator.comparing(StuckTurn::runningFor).reversed());
    return List.copyOf(overdue);
  }

  private void check(RunningTurn r, List<StuckTurn> overdue) {
    ObjectCell cell = r.cell;
    long ran = System.nanoTime() - r.startNanos;
    if (ran <= thresholdNanos) {
      return;
    }
    boolean claimed =
        r.claimWhileRunning(
            () -> {
              slowTurns.increment();
              log(cell, r, ran, false);
            });
    if (!claimed) {
      if (!r.isReported()) {
        return; // it ended meanwhile and was reported by its own thread
      }
      if (ran >= r.nextReportNanos) {
        log(cell, r, ran, true);
      }
    }
    overdue.add(
        new StuckTurn(
            cell.key.namespace(), cell.id, r.method, Duration.ofNanos(ran), r.thread.getName()));
  }

  private void log(ObjectCell cell, RunningTurn r, long ran, boolean reminder) {
    r.nextReportNanos = Math.max(2 * ran, ran + REMINDER_THRESHOLDS * thresholdNanos);
    LOG.log(
        System.Logger.Level.WARNING,
        (reminder ? "Stuck turn still running: " : "Stuck turn: ")
            + cell.key.namespace()
            + "."
            + r.method
            + " on "
            + cell
            + " has been running for "
            + TimeUnit.NANOSECONDS.toMillis(ran)
            + " ms, over the slow-turn threshold of "
            + TimeUnit.NANOSECONDS.toMillis(thresholdNanos)
            + " ms"
            + (reminder ? "" : " (counted as a slow turn now, not again when it ends)")
            + "; thread "
            + r.thread.getName()
            + " is at:",
        new ThreadStack(r.thread));
  }

  /** A thread's current stack, logged like an exception's so log handlers print its frames. */
  static final class ThreadStack extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String description;

    ThreadStack(Thread thread) {
      super(null, null, false, true);
      this.description = "stack of thread " + thread.getName() + " (" + thread.getState() + ")";
      setStackTrace(thread.getStackTrace());
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** The JVM-wide watchdog thread, created on first use. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "duro-watchdog");
                t.setDaemon(true);
                return t;
              });
      // A closed runtime's task must not stay queued (and keep the runtime reachable).
      e.setRemoveOnCancelPolicy(true);
      return e;
    }
  }
}
