package dev.duro.samples.counter;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;

/**
 * The counter of DESIGN.md: a durable count per id that can be told to expire.
 *
 * <p>Every call is a turn: one at a time per counter, committed durably before the caller sees the
 * reply. {@link #decrement} shows the rollback: it changes {@code count} before it checks it, and
 * when it throws, the change is undone.
 */
@DurableObject("Counter")
public class Counter {
  @Persist long count;
  @Persist int expirations;

  private final ObjectContext ctx;

  public Counter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Adds {@code by} to the count and returns the new count. */
  @Rpc
  public long increment(long by) {
    count += by;
    return count;
  }

  /**
   * Subtracts {@code by}; a count never goes below zero.
   *
   * @throws IllegalStateException if the count would go negative (the count is left unchanged)
   */
  @Rpc
  public long decrement(long by) {
    count -= by;
    if (count < 0) {
      // The field was already changed: Duro restores it because the turn throws.
      throw new IllegalStateException("count would go negative: " + count);
    }
    return count;
  }

  /** The current count. */
  @Rpc
  public long get() {
    return count;
  }

  /**
   * Resets the count to zero {@code millis} milliseconds from now (replacing an earlier expiry).
   */
  @Rpc
  public void expireAfter(long millis) {
    ctx.alarm().setIn(Duration.ofMillis(millis));
  }

  /** How many times the count expired. */
  @Rpc
  public int expirations() {
    return expirations;
  }

  @Alarm
  void expire(AlarmInfo info) {
    count = 0;
    expirations++;
  }
}
