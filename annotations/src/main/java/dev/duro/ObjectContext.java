package dev.duro;

import dev.duro.binding.Invoker;
import java.time.Instant;
import java.util.function.Function;

/**
 * What a durable object can reach of its host. Pass it to the object's constructor to keep it.
 *
 * <p>Only {@link #id()} and {@link #namespace()} may be used outside a turn (for example in the
 * constructor); every other method must be called from inside a turn of this object ({@link Rpc},
 * {@link Alarm} or {@link OnActivate} methods) and throws {@link IllegalStateException} otherwise.
 * Writes made through the context belong to the current turn: durable with its commit, discarded if
 * it throws.
 */
public interface ObjectContext {
  /** This object's id; it remembers its name when the object was addressed by name. */
  ObjectId id();

  /** This object's namespace name. */
  String namespace();

  /** This object's single alarm. */
  Alarms alarm();

  /** This object's raw key/value storage, beside its {@link Persist} fields. */
  Storage storage();

  /** The host's current time (a manual clock under the test kit). */
  Instant now();

  /**
   * A namespace for calling other objects from this one, for example {@code
   * ctx.namespace(CounterNamespace::of)}. Objects hosted here are called without the network but
   * with the same encoding and semantics as remote calls. Calls made during a turn carry the call
   * chain (this object and its callers) and the turn's deadline: a call that would close a cycle (A
   * calls B calls A) fails at once with {@link CallCycleException} instead of deadlocking, and a
   * callee whose caller's deadline passed before its turn starts is not run ({@link
   * DeadlineExceededException}). Waiting for a reply inside a turn does not starve the host's turn
   * threads. May be called outside a turn; the namespace may be kept.
   *
   * @throws UnsupportedOperationException if this context cannot call other objects (a hand-written
   *     fake)
   */
  default <N> N namespace(Function<? super Invoker, ? extends N> factory) {
    throw new UnsupportedOperationException(
        "Calls to other objects are not supported by " + getClass().getName());
  }
}
