package dev.duro;

import java.time.Instant;

/**
 * Describes one firing of an object's alarm, passed to its {@link Alarm} method.
 *
 * @param scheduledTime the time the alarm was set for
 * @param retryCount 0 for the first attempt, then 1, 2, ... for retries after the alarm method
 *     threw
 */
public record AlarmInfo(Instant scheduledTime, int retryCount) {
  /** Whether an earlier attempt of this alarm threw. */
  public boolean isRetry() {
    return retryCount > 0;
  }
}
