package dev.duro;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An object's single durable alarm. At or after its time the object's {@link Alarm} method runs as
 * a turn, activating the object if needed, even after a host restart.
 *
 * <p>Every method must be called inside a turn of the object; changes are part of the turn's atomic
 * commit and are discarded if the turn throws.
 *
 * @throws IllegalStateException from every method, if called outside a turn of this object
 */
public interface Alarms {
  /**
   * Sets the alarm to fire at {@code time}, replacing any alarm already set. A time in the past
   * fires as soon as possible after the commit.
   */
  void set(Instant time);

  /** Sets the alarm to fire {@code delay} after {@link ObjectContext#now()}. */
  void setIn(Duration delay);

  /**
   * The time the alarm is set for, as this turn sees it (including its own changes); empty if none.
   * Inside the alarm turn it is empty unless the turn set a new alarm.
   */
  Optional<Instant> get();

  /** Removes the alarm, if any. */
  void delete();
}
