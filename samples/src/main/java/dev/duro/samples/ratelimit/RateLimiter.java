package dev.duro.samples.ratelimit;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;

/**
 * An exact fixed-window counter for one rate-limit key: the {@code RateLimiterDO} of seed 000.
 *
 * <p>Each key maps to exactly one object (by name, see {@link DurableRateLimitStore}), and an
 * object runs one turn at a time, so the count is exact however many clients increment at once.
 * {@link #increment} follows the seed's steps 3 to 6: read the counter from durable state; if the
 * window is still active, count this increment; if it has expired, start a new window at 1 and set
 * the alarm that cleans up the window once it ends; return the count and the reset time.
 */
@DurableObject("RateLimiter")
public class RateLimiter {
  @Persist long count;
  @Persist Instant resetAt;

  private final ObjectContext ctx;

  public RateLimiter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Counts one request in the current window of {@code windowMillis} milliseconds, starting a new
   * window if there is none or it has ended.
   *
   * @throws IllegalArgumentException if {@code windowMillis} is not positive
   */
  @Rpc
  public WindowCount increment(long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("windowMillis must be positive: " + windowMillis);
    }
    Instant now = ctx.now();
    if (resetAt != null && now.isBefore(resetAt)) {
      count++;
    } else {
      count = 1;
      resetAt = now.plusMillis(windowMillis);
      ctx.alarm().set(resetAt);
    }
    return new WindowCount(count, resetAt, Duration.between(now, resetAt).toMillis());
  }

  /**
   * The count of the current window, without counting. With no active window the count is 0 and the
   * reset time is now.
   */
  @Rpc
  public WindowCount peek() {
    Instant now = ctx.now();
    if (resetAt == null || !now.isBefore(resetAt)) {
      return new WindowCount(0, now, 0);
    }
    return new WindowCount(count, resetAt, Duration.between(now, resetAt).toMillis());
  }

  /** Forgets the current window, as an operator would to lift a limit early. */
  @Rpc
  public void reset() {
    clear();
    ctx.alarm().delete();
  }

  /** Whether a window is stored, expired or not: false once the clean-up alarm has run. */
  @Rpc
  public boolean hasWindow() {
    return resetAt != null;
  }

  @Alarm
  void cleanUp(AlarmInfo info) {
    // Every new window replaces the alarm, so a firing alarm belongs to the current window; the
    // check only guards against a clock that reads earlier than the scheduled time.
    if (resetAt != null && !ctx.now().isBefore(resetAt)) {
      clear();
    } else if (resetAt != null) {
      ctx.alarm().set(resetAt);
    }
  }

  private void clear() {
    count = 0;
    resetAt = null;
  }
}
