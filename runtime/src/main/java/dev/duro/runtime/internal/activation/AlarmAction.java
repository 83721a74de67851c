package dev.duro.runtime.internal.activation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to tell the alarm scheduler once a turn's commit is durable. Applied in commit order, so the
 * scheduler always reflects the latest durable alarm of the object.
 */
final class AlarmAction {
  enum Kind {
    SET,
    CANCEL,
    RETRY
  }

  private static final AlarmAction CANCEL = new AlarmAction(Kind.CANCEL, 0, 0, null);

  final Kind kind;
  final long scheduledMillis;
  final int retryCount;
  final @Nullable Instant runAt;

  private AlarmAction(Kind kind, long scheduledMillis, int retryCount, @Nullable Instant runAt) {
    this.kind = kind;
    this.scheduledMillis = scheduledMillis;
    this.retryCount = retryCount;
    this.runAt = runAt;
  }

  static AlarmAction set(long scheduledMillis) {
    return new AlarmAction(Kind.SET, scheduledMillis, 0, null);
  }

  static AlarmAction cancel() {
    return CANCEL;
  }

  static AlarmAction retry(long scheduledMillis, int retryCount, Instant runAt) {
    return new AlarmAction(Kind.RETRY, scheduledMillis, retryCount, runAt);
  }
}
