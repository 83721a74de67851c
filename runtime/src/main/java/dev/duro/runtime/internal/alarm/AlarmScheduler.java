package dev.duro.runtime.internal.alarm;

import dev.duro.ObjectId;
import dev.duro.runtime.spi.TimeSource;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one timer per object with a pending alarm (or alarm retry) and hands due alarms to a {@link
 * Dispatcher}. Scheduling an object replaces its previous timer. A firing whose timer was replaced
 * or cancelled in the meantime is dropped here, and the runtime checks once more against the
 * object's alarm when the alarm turn starts, so a stale timer never runs an alarm method.
 *
 * <p>This skeleton keeps every pending alarm in memory; the alarm index in storage is complete, so
 * a windowed loader can replace the eager one without changing the storage layout. Thread-safe.
 *
 * @param <K> the object key type (equal for the same namespace and id)
 */
public final class AlarmScheduler<K> {

  /** Receives due alarms. */
  @FunctionalInterface
  public interface Dispatcher<K> {
    /**
     * The alarm of {@code key} set for {@code scheduledMillis} is due (attempt {@code retryCount}).
     */
    void fire(K key, ObjectId id, long scheduledMillis, int retryCount);
  }

  private static final class Entry {
    final long scheduledMillis;
    final int retryCount;
    volatile TimeSource.@Nullable Cancellable handle;

    Entry(long scheduledMillis, int retryCount) {
      this.scheduledMillis = scheduledMillis;
      this.retryCount = retryCount;
    }

    void cancel() {
      TimeSource.Cancellable h = handle;
      if (h != null) {
        h.cancel();
      }
    }
  }

  private final TimeSource time;
  private final Dispatcher<K> dispatcher;
  private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

  public AlarmScheduler(TimeSource time, Dispatcher<K> dispatcher) {
    this.time = time;
    this.dispatcher = dispatcher;
  }

  /** Schedules the first attempt of the alarm of {@code key} at its time, replacing any timer. */
  public void schedule(K key, ObjectId id, long scheduledMillis) {
    schedule(key, id, scheduledMillis, 0, Instant.ofEpochMilli(scheduledMillis));
  }

  /**
   * Schedules attempt {@code retryCount} of the alarm of {@code key} set for {@code
   * scheduledMillis}, to run at {@code runAt}, replacing any timer.
   */
  public void schedule(K key, ObjectId id, long scheduledMillis, int retryCount, Instant runAt) {
    Entry e = new Entry(scheduledMillis, retryCount);
    Entry old = entries.put(key, e);
    if (old != null) {
      old.cancel();
    }
    e.handle =
        time.schedule(
            runAt,
            () -> {
              if (entries.remove(key, e)) {
                dispatcher.fire(key, id, e.scheduledMillis, e.retryCount);
              }
            });
  }

  /** Cancels the timer of {@code key}, if any. */
  public void cancel(K key) {
    Entry e = entries.remove(key);
    if (e != null) {
      e.cancel();
    }
  }

  /** The time the alarm of {@code key} is scheduled for, or {@code null}; for tests and tools. */
  public @Nullable Long scheduledMillis(K key) {
    Entry e = entries.get(key);
    return e == null ? null : e.scheduledMillis;
  }

  /** Number of objects with a timer. */
  public int size() {
    return entries.size();
  }

  /** Cancels every timer. */
  public void cancelAll() {
    for (K key : entries.keySet()) {
      cancel(key);
    }
  }
}
