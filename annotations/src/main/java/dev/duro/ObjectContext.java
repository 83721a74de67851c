package dev.duro;

import java.time.Instant;

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
}
