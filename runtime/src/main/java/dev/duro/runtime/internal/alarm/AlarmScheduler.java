package dev.duro.runtime.internal.alarm;

import dev.duro.ObjectId;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.internal.storage.UnsignedBytes;
import dev.duro.runtime.spi.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Fires due alarms from a bounded in-memory window over the durable, time-ordered alarm index.
 *
 * <p><b>Window.</b> The index (see {@link KeyLayout}) orders alarms by time, then object: an
 * alarm's index key is its <em>position</em>. The scheduler keeps in memory exactly the index
 * entries whose position is below the <em>horizon</em> (a position; "everything" once the whole
 * index fits), at most {@code windowSize} of them; the rest are only on disk. A durable {@link
 * #set} below the horizon enters the window, one at or above it stays on disk (any older entry of
 * the object in memory is dropped). When a set overflows the window, the latest entries are dropped
 * and the horizon moves down to them. When the window runs low (below half) or time reaches the
 * horizon, the next page is read from the index, starting at the horizon. So at most {@code
 * windowSize} alarms plus pending retries are in memory however many are stored, and a restart
 * reads one page, not the index.
 *
 * <p><b>Retries</b> are in memory only (the index keeps the alarm's own time): a retry entry stays
 * in the window whatever its position, replaces any entry of the object, and is never dropped.
 *
 * <p><b>Timer.</b> One timer of the {@link TimeSource}, at the earliest of the first entry's time
 * and the horizon's time. It dispatches every entry whose time is not after {@code now()} (never
 * earlier: a timer that wakes early re-arms), at most {@code maxInFlight} alarm turns at once; a
 * finished turn lets the next ones go.
 *
 * <p><b>Consistency.</b> Callers report each object's alarm changes after they are durable and in
 * commit order. A page read holds the lock, so a change reported after it was read replaces what
 * the read found; the alarm turn checks the object's alarm once more before running, so a stale
 * entry never runs an alarm method.
 *
 * <p>Thread-safe. The dispatcher is called without the lock held.
 *
 * @param <K> the object key type (equal for the same namespace and id)
 */
public final class AlarmScheduler<K> {

  /** Receives due alarms. */
  @FunctionalInterface
  public interface Dispatcher<K> {
    /**
     * The alarm of {@code key} set for {@code scheduledMillis} is due (attempt {@code retryCount}).
     * {@code done} must be run exactly once, when the alarm turn has ended (or was not started).
     */
    void fire(K key, ObjectId id, long scheduledMillis, int retryCount, Runnable done);
  }

  /** The durable alarm index, read a page at a time. */
  @FunctionalInterface
  public interface Index<K> {
    /**
     * Visits, in position order, the index entries at or after {@code from}, until the visitor
     * returns {@code false}.
     */
    void scan(byte[] from, Visitor<K> visitor);
  }

  /** Receives index entries. */
  @FunctionalInterface
  public interface Visitor<K> {
    /**
     * One index entry; {@code key} is {@code null} for an entry this host does not serve (another
     * namespace, or malformed), which is passed over.
     *
     * @return {@code true} to continue
     */
    boolean visit(byte[] position, @Nullable K key, @Nullable ObjectId id, long timeMillis);
  }

  private static final byte[] START = new byte[0];
  private static final int DISPATCH_BATCH = 1024;
  private static final long NOT_ARMED = Long.MIN_VALUE;

  private static final class Entry<K> {
    final K key;
    final ObjectId id;
    final long scheduledMillis;
    final byte[] position;
    final int retryCount;
    final long runAtMillis;

    /** A retry: kept whatever its position, not counted in the window, never dropped. */
    final boolean pinned;

    Entry(
        K key,
        ObjectId id,
        long scheduledMillis,
        byte[] position,
        int retry,
        long runAtMillis,
        boolean pinned) {
      this.key = key;
      this.id = id;
      this.scheduledMillis = scheduledMillis;
      this.position = position;
      this.retryCount = retry;
      this.runAtMillis = runAtMillis;
      this.pinned = pinned;
    }
  }

  private static final Comparator<Entry<?>> ORDER =
      (a, b) -> {
        int c = Long.compare(a.runAtMillis, b.runAtMillis);
        return c != 0 ? c : UnsignedBytes.compare(a.position, b.position);
      };

  private final TimeSource time;
  private final Dispatcher<K> dispatcher;
  private final Index<K> index;
  private final int windowSize;
  private final int maxInFlight;

  // ---- Guarded by this.
  private final TreeSet<Entry<K>> queue = new TreeSet<>(ORDER);
  private final HashMap<K, Entry<K>> byKey = new HashMap<>();

  /** Entries that are not retries: what the window size bounds. */
  private int stored;

  /** Index entries below this position are in memory; {@code null}: all of them are. */
  private byte @Nullable [] horizon = START;

  private long armedAt = NOT_ARMED;
  private long timerToken;
  private TimeSource.@Nullable Cancellable handle;
  private int inFlight;
  private boolean closed;
  private long pagesRead;

  /**
   * @param windowSize most index entries kept in memory; at least 2
   * @param maxInFlight most alarm turns dispatched and not yet ended; positive
   */
  public AlarmScheduler(
      TimeSource time, Dispatcher<K> dispatcher, Index<K> index, int windowSize, int maxInFlight) {
    if (windowSize < 2 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "windowSize must be at least 2 and maxInFlight positive, got "
              + windowSize
              + " and "
              + maxInFlight);
    }
    this.time = time;
    this.dispatcher = dispatcher;
    this.index = index;
    this.windowSize = windowSize;
    this.maxInFlight = maxInFlight;
  }

  /** Reads the first page of the index and arms the timer. */
  public synchronized void start() {
    readPage();
    arm();
  }

  /**
   * The object's durable alarm is now {@code scheduledMillis}, at index position {@code position};
   * replaces whatever the scheduler had for it (a retry included).
   */
  public synchronized void set(K key, ObjectId id, long scheduledMillis, byte[] position) {
    remove(key);
    if (closed || !inWindow(position)) {
      return;
    }
    add(new Entry<>(key, id, scheduledMillis, position, 0, scheduledMillis, false));
    while (stored > windowSize) {
      dropLatest();
    }
    arm();
  }

  /**
   * Attempt {@code retryCount} of the object's alarm set for {@code scheduledMillis} (at {@code
   * position}) is to run at {@code runAt}; replaces whatever the scheduler had for the object.
   */
  public synchronized void retry(
      K key, ObjectId id, long scheduledMillis, byte[] position, int retryCount, Instant runAt) {
    remove(key);
    if (closed) {
      return;
    }
    long at;
    try {
      at = runAt.toEpochMilli();
    } catch (ArithmeticException e) {
      at = Long.MAX_VALUE;
    }
    add(new Entry<>(key, id, scheduledMillis, position, retryCount, at, true));
    arm();
  }

  /** The object has no alarm any more. */
  public synchronized void cancel(K key) {
    if (remove(key)) {
      arm();
    }
  }

  /**
   * Removes the object's entry, if any, and returns its retry count if it is for the alarm set for
   * {@code scheduledMillis}, else 0; for firing an alarm out of turn.
   */
  public synchronized int take(K key, long scheduledMillis) {
    Entry<K> e = byKey.get(key);
    if (e == null) {
      return 0;
    }
    remove(key);
    arm();
    return e.scheduledMillis == scheduledMillis ? e.retryCount : 0;
  }

  /** The time the object's alarm is set for, if it is in memory; for tests and tools. */
  public synchronized @Nullable Long scheduledMillis(K key) {
    Entry<K> e = byKey.get(key);
    return e == null ? null : e.scheduledMillis;
  }

  /** Alarms and retries held in memory: at most the window size plus pending retries. */
  public synchronized int inMemoryCount() {
    return byKey.size();
  }

  /** Pages read from the index since start; for tests. */
  public synchronized long pagesRead() {
    return pagesRead;
  }

  /** Stops the timer and forgets every entry; nothing is dispatched afterwards. */
  public synchronized void close() {
    closed = true;
    cancelTimer();
    queue.clear();
    byKey.clear();
    stored = 0;
  }

  // ------------------------------------------------------------------------------------------

  private boolean inWindow(byte[] position) {
    byte[] h = horizon;
    return h == null || UnsignedBytes.compare(position, h) < 0;
  }

  private void add(Entry<K> e) {
    queue.add(e);
    byKey.put(e.key, e);
    if (!e.pinned) {
      stored++;
    }
  }

  private boolean remove(K key) {
    Entry<K> e = byKey.remove(key);
    if (e == null) {
      return false;
    }
    queue.remove(e);
    if (!e.pinned) {
      stored--;
    }
    return true;
  }

  /** Drops the latest entry that is not a retry; the horizon moves down to it. */
  private void dropLatest() {
    Iterator<Entry<K>> it = queue.descendingIterator();
    while (it.hasNext()) {
      Entry<K> e = it.next();
      if (!e.pinned) {
        remove(e.key);
        // Not a retry: its time is its position's, so it is the latest position in memory.
        byte[] h = horizon;
        if (h == null || UnsignedBytes.compare(e.position, h) < 0) {
          horizon = e.position;
        }
        return;
      }
    }
  }

  /** Reads index entries from the horizon until the window is full or the index ends. */
  private void readPage() {
    byte[] from = horizon;
    if (from == null || closed) {
      return;
    }
    int room = windowSize - stored;
    if (room <= 0) {
      // A full window: the horizon stays where it is until firings make room.
      return;
    }
    pagesRead++;
    // Entries of namespaces this host does not serve are passed over, but a page reads a bounded
    // number of them, so that one page never walks a huge foreign index.
    int budget = Math.max(room, 1) * 4;
    byte[][] last = {null};
    int[] counts = {0, 0};
    boolean[] more = {false};
    index.scan(
        from,
        (position, key, id, millis) -> {
          if (counts[0] >= room || counts[1] >= budget) {
            more[0] = true;
            return false;
          }
          counts[1]++;
          last[0] = position;
          if (key != null && id != null && !byKey.containsKey(key)) {
            add(new Entry<>(key, id, millis, position, 0, millis, false));
            counts[0]++;
          }
          return true;
        });
    if (more[0]) {
      if (last[0] == null) {
        return; // nothing was read: the horizon stays
      }
      // Everything up to and including the last entry read is in memory: the smallest position
      // after it is the new horizon.
      horizon = Arrays.copyOf(last[0], last[0].length + 1);
    } else {
      horizon = null;
    }
  }

  private void onTimer(long token) {
    while (true) {
      List<Entry<K>> due = new ArrayList<>();
      synchronized (this) {
        if (closed) {
          return;
        }
        if (token == timerToken) {
          // This timer is spent: arm() must schedule a new one even for the same time.
          armedAt = NOT_ARMED;
          handle = null;
        }
        long now = time.now().toEpochMilli();
        byte[] h = horizon;
        if (h != null && (stored < windowSize / 2 || KeyLayout.alarmIndexTime(h) <= now)) {
          readPage();
        }
        while (inFlight < maxInFlight && due.size() < DISPATCH_BATCH && !queue.isEmpty()) {
          Entry<K> e = queue.first();
          if (e.runAtMillis > now) {
            break;
          }
          remove(e.key);
          inFlight++;
          due.add(e);
        }
        if (due.isEmpty()) {
          arm();
          return;
        }
      }
      for (Entry<K> e : due) {
        try {
          dispatcher.fire(e.key, e.id, e.scheduledMillis, e.retryCount, this::turnEnded);
        } catch (RuntimeException failure) {
          turnEnded();
          Thread t = Thread.currentThread();
          t.getUncaughtExceptionHandler().uncaughtException(t, failure);
        }
      }
    }
  }

  private synchronized void turnEnded() {
    inFlight--;
    if (inFlight == maxInFlight / 2) {
      // Dispatch was held back at the limit; let the next ones go.
      arm();
    }
  }

  /** Points the timer at the next time something is to be done. Holds the lock. */
  private void arm() {
    if (closed) {
      return;
    }
    if (inFlight >= maxInFlight) {
      // At the limit: the turn that ends first re-arms (turnEnded).
      cancelTimer();
      return;
    }
    long next = Long.MAX_VALUE;
    if (!queue.isEmpty()) {
      next = queue.first().runAtMillis;
    }
    byte[] h = horizon;
    if (h != null) {
      next = Math.min(next, KeyLayout.alarmIndexTime(h));
    }
    if (next == armedAt) {
      return;
    }
    cancelTimer();
    if (next == Long.MAX_VALUE) {
      return;
    }
    armedAt = next;
    long token = ++timerToken;
    handle = time.schedule(Instant.ofEpochMilli(next), () -> onTimer(token));
  }

  private void cancelTimer() {
    TimeSource.Cancellable h = handle;
    if (h != null) {
      h.cancel();
    }
    handle = null;
    armedAt = NOT_ARMED;
  }
}
