package dev.duro.samples.ratelimit;

import java.time.Instant;

/**
 * The state of a fixed-window counter after an increment.
 *
 * @param count the number of increments in the current window, this one included (1 for the first
 *     increment of a window)
 * @param resetAt when the current window ends and the count starts again from zero
 * @param resetInMillis milliseconds from the object's clock to {@code resetAt}, so a caller needs
 *     no clock of its own to compute a retry-after
 */
public record WindowCount(long count, Instant resetAt, long resetInMillis) {}
