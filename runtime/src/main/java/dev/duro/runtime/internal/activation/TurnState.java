package dev.duro.runtime.internal.activation;

import java.util.HashMap;
import org.jspecify.annotations.Nullable;

/** The writes of the turn in progress: discarded if it throws, committed if it returns. */
final class TurnState {
  /** Marks a deleted key in {@link #storage}; compared by identity. */
  static final byte[] TOMBSTONE = new byte[0];

  /** Storage overlay: user key to new value or {@link #TOMBSTONE}. */
  final HashMap<String, byte[]> storage = new HashMap<>();

  /** The alarm stored for the object when the turn began (what a commit replaces). */
  final @Nullable Long storedAlarm;

  /** Whether the turn changed the alarm ({@link #alarm} is then the new value). */
  boolean alarmChanged;

  /** The alarm as this turn sees it. */
  @Nullable Long alarm;

  private TurnState(@Nullable Long storedAlarm, boolean alarmTurn) {
    this.storedAlarm = storedAlarm;
    // An alarm turn consumes the alarm: unless the turn sets a new one, its commit deletes it.
    this.alarmChanged = alarmTurn;
    this.alarm = alarmTurn ? null : storedAlarm;
  }

  static TurnState forCall(@Nullable Long storedAlarm) {
    return new TurnState(storedAlarm, false);
  }

  static TurnState forAlarm(long storedAlarm) {
    return new TurnState(storedAlarm, true);
  }
}
