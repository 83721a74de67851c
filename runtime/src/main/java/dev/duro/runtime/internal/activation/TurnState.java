package dev.duro.runtime.internal.activation;

import dev.duro.binding.CallContext;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;

/** The writes of the turn in progress: discarded if it throws, committed if it returns. */
final class TurnState {
  /** Marks a deleted key in {@link #storage}; compared by identity. */
  static final byte[] TOMBSTONE = new byte[0];

  /** Storage overlay: user key to new value or {@link #TOMBSTONE}. */
  HashMap<String, byte[]> storage = new HashMap<>();

  /**
   * Whether the turn deleted all storage ({@code deleteAll}): committed and pending entries are
   * then hidden, and only {@link #storage} counts.
   */
  boolean cleared;

  /** The alarm stored for the object when the turn began (what a commit replaces). */
  final @Nullable Long storedAlarm;

  /** Whether the turn changed the alarm ({@link #alarm} is then the new value). */
  boolean alarmChanged;

  /** The alarm as this turn sees it. */
  @Nullable Long alarm;

  /** The context calls made by this turn carry (chain includes this object). */
  final CallContext calls;

  private TurnState(@Nullable Long storedAlarm, boolean alarmTurn, CallContext calls) {
    this.storedAlarm = storedAlarm;
    // An alarm turn consumes the alarm: unless the turn sets a new one, its commit deletes it.
    this.alarmChanged = alarmTurn;
    this.alarm = alarmTurn ? null : storedAlarm;
    this.calls = calls;
  }

  static TurnState forCall(@Nullable Long storedAlarm, CallContext calls) {
    return new TurnState(storedAlarm, false, calls);
  }

  static TurnState forAlarm(long storedAlarm, CallContext calls) {
    return new TurnState(storedAlarm, true, calls);
  }

  /** What a nested storage transaction restores if it throws. */
  Savepoint savepoint() {
    return new Savepoint(new HashMap<>(storage), cleared, alarmChanged, alarm);
  }

  void rollbackTo(Savepoint s) {
    storage = s.storage;
    cleared = s.cleared;
    alarmChanged = s.alarmChanged;
    alarm = s.alarm;
  }

  static final class Savepoint {
    final HashMap<String, byte[]> storage;
    final boolean cleared;
    final boolean alarmChanged;
    final @Nullable Long alarm;

    Savepoint(
        HashMap<String, byte[]> storage,
        boolean cleared,
        boolean alarmChanged,
        @Nullable Long alarm) {
      this.storage = storage;
      this.cleared = cleared;
      this.alarmChanged = alarmChanged;
      this.alarm = alarm;
    }
  }
}
