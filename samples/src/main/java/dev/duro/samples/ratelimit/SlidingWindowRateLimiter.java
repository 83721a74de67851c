package dev.duro.samples.ratelimit;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sliding-window rate limiter for one key (seeds 001 and 002): a request is allowed when fewer
 * than {@code limit} requests were allowed in the last {@code windowMillis} milliseconds. Unlike a
 * fixed window it has no burst at a window boundary; it costs one timestamp per allowed request.
 *
 * <p>Rejected requests are not recorded, so a limited client gets through as soon as the oldest
 * allowed request leaves the window ({@link Decision#retryAfterMillis()}). Every allowed request
 * moves the alarm to the moment the window empties; the alarm then drops the timestamps, so an idle
 * key keeps no state.
 */
@DurableObject("SlidingWindowRateLimiter")
public class SlidingWindowRateLimiter {
  /** The largest limit accepted: the timestamps of one window must fit in one durable value. */
  public static final int MAX_LIMIT = 10_000;

  /** Epoch milliseconds of the allowed requests still in the window, oldest first. */
  @Persist List<Long> timestamps = new ArrayList<>();

  @Persist long windowMillis;

  private final ObjectContext ctx;

  public SlidingWindowRateLimiter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Decides whether one more request fits {@code limit} requests per {@code windowMillis}, and
   * records it if it does.
   *
   * @throws IllegalArgumentException if {@code limit} is not in 1..{@value #MAX_LIMIT} or {@code
   *     windowMillis} is not positive
   */
  @Rpc
  public Decision check(int limit, long windowMillis) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ": " + limit);
    }
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("windowMillis must be positive: " + windowMillis);
    }
    long now = ctx.now().toEpochMilli();
    dropExpired(now, windowMillis);
    if (timestamps.size() >= limit) {
      // The request that frees a slot is the one that makes the count fall below the limit.
      long freeing = timestamps.get(timestamps.size() - limit);
      return new Decision(false, 0, freeing + windowMillis - now);
    }
    timestamps.add(now);
    this.windowMillis = windowMillis;
    ctx.alarm().set(Instant.ofEpochMilli(now + windowMillis));
    return new Decision(true, limit - timestamps.size(), 0);
  }

  /** How many allowed requests are in the window of the last {@link #check}. */
  @Rpc
  public int current() {
    dropExpired(ctx.now().toEpochMilli(), windowMillis);
    return timestamps.size();
  }

  /** How many timestamps are stored, expired or not: 0 once the clean-up alarm has run. */
  @Rpc
  public int stored() {
    return timestamps.size();
  }

  @Alarm
  void cleanUp() {
    dropExpired(ctx.now().toEpochMilli(), windowMillis);
  }

  private void dropExpired(long now, long window) {
    int expired = 0;
    while (expired < timestamps.size() && timestamps.get(expired) + window <= now) {
      expired++;
    }
    if (expired > 0) {
      timestamps.subList(0, expired).clear();
    }
  }
}
