package dev.duro.runtime.internal.activation;

import dev.duro.runtime.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One link of an object's commit chain: the merged writes of one or more turns, what to release
 * when they are durable (replies, in turn order) and the alarm action of the last turn that had
 * one. Guarded by the owning cell's lock until submitted; immutable afterwards.
 */
final class PendingCommit {
  /** Released when the commit is durable, or failed with the reason it was not. */
  static final class Completion {
    final Runnable onDurable;
    final Consumer<Throwable> onFailure;

    /**
     * Stream events of the turn: run before {@link #onDurable}, and before the object's next commit
     * is submitted, so events reach sinks in commit order even when commits complete on different
     * threads.
     */
    final @Nullable List<StreamSink.Effect> effects;

    Completion(Runnable onDurable, Consumer<Throwable> onFailure) {
      this(onDurable, onFailure, null);
    }

    Completion(
        Runnable onDurable,
        Consumer<Throwable> onFailure,
        @Nullable List<StreamSink.Effect> effects) {
      this.onDurable = onDurable;
      this.onFailure = onFailure;
      this.effects = effects;
    }
  }

  final long seq;
  final WriteBatch.Builder writes = WriteBatch.builder();
  final List<Completion> completions = new ArrayList<>(2);
  @Nullable AlarmAction alarm;
  @Nullable WriteBatch batch;

  PendingCommit(long seq) {
    this.seq = seq;
  }

  WriteBatch seal() {
    WriteBatch b = writes.build();
    batch = b;
    return b;
  }
}
