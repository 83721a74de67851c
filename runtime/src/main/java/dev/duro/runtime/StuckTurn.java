package dev.duro.runtime;

import dev.duro.ObjectId;
import java.time.Duration;
import java.util.Objects;

/**
 * A turn that is still running although its user code has run longer than {@link
 * ObjectRuntime.Builder#slowTurnThreshold}: an entry of {@link ObjectRuntime#stuckTurns()}. A
 * snapshot; the turn may have ended since.
 *
 * @param namespace the object's namespace
 * @param id the object (with its name, if it was addressed by name)
 * @param method the {@code @Rpc} method, {@code "@Alarm"} for an alarm turn, or {@code
 *     "runInObject"} for {@link ObjectRuntime#runInObject}
 * @param runningFor how long the turn's user code (activation included) had been running when the
 *     snapshot was taken
 * @param thread the name of the thread running the turn
 */
public record StuckTurn(
    String namespace, ObjectId id, String method, Duration runningFor, String thread) {
  /** Checks that no component is null. */
  public StuckTurn {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(runningFor, "runningFor");
    Objects.requireNonNull(thread, "thread");
  }
}
