package dev.duro.samples.aggregator;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts events under string keys, buffering increments in memory and writing them durably in one
 * batch when the flush alarm fires (every {@link #DEFAULT_FLUSH_INTERVAL} unless configured).
 *
 * <p>The trade-off is the seed's: an {@link #increment} changes no durable state (but the alarm,
 * when it schedules a flush), so many increments cost one durable write. In exchange, increments
 * acknowledged but not yet flushed are lost if the object is evicted or the host stops before the
 * alarm: use it for metrics that tolerate that, and the plain counter sample for counts that must
 * not lose an acknowledged increment. {@link #count} and {@link #counts} include the buffer.
 */
@DurableObject("AggregatorCounter")
public class AggregatorCounter {
  /** How long increments wait in the buffer by default. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);

  @Persist Map<String, Long> stored = new LinkedHashMap<>();
  @Persist long flushIntervalMillis;
  @Persist long flushes;

  // Deliberately not @Persist: this is the in-memory buffer.
  private final Map<String, Long> buffer = new LinkedHashMap<>();
  private final ObjectContext ctx;

  public AggregatorCounter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Adds {@code amount} to {@code key}'s count in the buffer and makes sure a flush is scheduled.
   * Returns the buffered amount of {@code key} not yet flushed.
   */
  @Rpc
  public long increment(String key, long amount) {
    long pending = buffer.merge(key, amount, Long::sum);
    if (ctx.alarm().get().isEmpty()) {
      ctx.alarm().setIn(flushInterval());
    }
    return pending;
  }

  /** {@code key}'s count: flushed plus buffered. */
  @Rpc
  public long count(String key) {
    return stored.getOrDefault(key, 0L) + buffer.getOrDefault(key, 0L);
  }

  /** Every key's count (flushed plus buffered), in key order. */
  @Rpc
  public Map<String, Long> counts() {
    Map<String, Long> merged = new TreeMap<>(stored);
    buffer.forEach((k, v) -> merged.merge(k, v, Long::sum));
    return merged;
  }

  /** The durable counts only, in key order: what survives an eviction or a restart. */
  @Rpc
  public Map<String, Long> flushedCounts() {
    return new TreeMap<>(stored);
  }

  /** Writes the buffer durably now; returns the number of keys written. */
  @Rpc
  public int flush() {
    int keys = buffer.size();
    if (keys > 0) {
      buffer.forEach((k, v) -> stored.merge(k, v, Long::sum));
      flushes++;
      // Cleared last: had anything above thrown, the rollback would restore `stored` (not this
      // in-memory buffer), and the buffer must then still hold the increments.
      buffer.clear();
    }
    ctx.alarm().delete();
    return keys;
  }

  /** How many flushes wrote something. */
  @Rpc
  public long flushes() {
    return flushes;
  }

  /**
   * Sets how long increments wait in the buffer, from the next scheduled flush on.
   *
   * @throws IllegalArgumentException if {@code millis} is not positive
   */
  @Rpc
  public void setFlushInterval(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("flush interval must be positive: " + millis);
    }
    flushIntervalMillis = millis;
  }

  @Alarm
  void flushOnAlarm() {
    flush();
  }

  private Duration flushInterval() {
    return flushIntervalMillis > 0
        ? Duration.ofMillis(flushIntervalMillis)
        : DEFAULT_FLUSH_INTERVAL;
  }
}
