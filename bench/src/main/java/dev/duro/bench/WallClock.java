package dev.duro.bench;

import java.time.Instant;

/**
 * Wall-clock time with {@code System.nanoTime()} resolution: the system clock read once, advanced
 * by the monotonic clock. Alarm lateness is this minus the scheduled epoch time; over a benchmark's
 * minutes the drift between the two clocks is far below the milliseconds being measured.
 */
final class WallClock {
  private static final long ANCHOR_EPOCH_NANOS;
  private static final long ANCHOR_NANO_TIME;

  static {
    Instant now = Instant.now();
    ANCHOR_NANO_TIME = System.nanoTime();
    ANCHOR_EPOCH_NANOS = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private WallClock() {}

  static long epochNanos() {
    return ANCHOR_EPOCH_NANOS + (System.nanoTime() - ANCHOR_NANO_TIME);
  }

  static long epochMillis() {
    return epochNanos() / 1_000_000L;
  }
}
