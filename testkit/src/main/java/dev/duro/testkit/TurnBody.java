package dev.duro.testkit;

import dev.duro.ObjectContext;

/**
 * Code run inside a turn of an object by {@link DuroTestKit#runInObject}.
 *
 * @param <T> the object class
 */
@FunctionalInterface
public interface TurnBody<T> {
  /** Runs with the object's instance and context; throwing rolls the turn back. */
  void run(T object, ObjectContext ctx) throws Exception;
}
