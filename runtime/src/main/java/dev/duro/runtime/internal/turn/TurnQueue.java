package dev.duro.runtime.internal.turn;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A serial executor that owns no thread, in the manner of {@code io.grpc.SynchronizationContext}:
 * tasks run one at a time, in submission order, on the backing executor; at most one drain of the
 * queue is scheduled at any moment, so no lock is held while a task runs and tasks of many queues
 * run in parallel on a shared pool.
 *
 * <p>A task submitted from inside a running task is queued behind it (never run re-entrantly), also
 * with a direct backing executor. After {@value #FAIRNESS_BATCH} tasks a drain gives its thread
 * back to the backing executor so one busy queue cannot starve the others. A task that throws is
 * reported to the uncaught exception handler of its thread and does not stop the queue.
 */
public final class TurnQueue implements Executor {
  static final int FAIRNESS_BATCH = 64;

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Executor executor;

  public TurnQueue(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    int ran = 0;
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (Throwable t) {
          Thread thread = Thread.currentThread();
          thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
        }
        if (++ran >= FAIRNESS_BATCH && !tasks.isEmpty()) {
          // Still marked as draining: the resubmitted drain continues where this one stopped.
          executor.execute(this::drain);
          return;
        }
      }
      draining.set(false);
      // A task added after the poll above but before the flag was cleared found the flag set and
      // did not schedule a drain: pick it up here.
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
