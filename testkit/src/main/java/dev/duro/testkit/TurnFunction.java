package dev.duro.testkit;

import dev.duro.ObjectContext;

/**
 * Code run inside a turn of an object by {@link DuroTestKit#callInObject}, returning a value.
 *
 * @param <T> the object class
 * @param <R> the result
 */
@FunctionalInterface
public interface TurnFunction<T, R> {
  /** Runs with the object's instance and context; throwing rolls the turn back. */
  R apply(T object, ObjectContext ctx) throws Exception;
}
