package dev.duro.runtime.internal.activation;

import dev.duro.binding.CallContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** What the turn asked of event sinks, in order; released after its commit. */
  @Nullable List<StreamSink.Effect> effects;

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

  void addEffect(StreamSink.Effect effect) {
    if (effects == null) {
      effects = new ArrayList<>(4);
    }
    effects.add(effect);
  }

  /** Releases the effects: the turn is durable. */
  static void release(@Nullable List<StreamSink.Effect> effects) {
    if (effects != null) {
      for (StreamSink.Effect e : effects) {
        e.release();
      }
    }
  }

  /** Drops the effects: the turn threw or its commit failed. */
  static void discard(@Nullable List<StreamSink.Effect> effects) {
    if (effects != null) {
      for (StreamSink.Effect e : effects) {
        e.discard();
      }
    }
  }

  /** What a nested storage transaction restores if it throws. */
  Savepoint savepoint() {
    return new Savepoint(
        new HashMap<>(storage), cleared, alarmChanged, alarm, effects == null ? 0 : effects.size());
  }

  void rollbackTo(Savepoint s) {
    storage = s.storage;
    cleared = s.cleared;
    alarmChanged = s.alarmChanged;
    alarm = s.alarm;
    if (effects != null) {
      List<StreamSink.Effect> undone = effects.subList(s.effects, effects.size());
      discard(new ArrayList<>(undone));
      undone.clear();
    }
  }

  static final class Savepoint {
    final HashMap<String, byte[]> storage;
    final boolean cleared;
    final boolean alarmChanged;
    final @Nullable Long alarm;
    final int effects;

    Savepoint(
        HashMap<String, byte[]> storage,
        boolean cleared,
        boolean alarmChanged,
        @Nullable Long alarm,
        int effects) {
      this.storage = storage;
      this.cleared = cleared;
      this.alarmChanged = alarmChanged;
      this.alarm = alarm;
      this.effects = effects;
    }
  }
}
