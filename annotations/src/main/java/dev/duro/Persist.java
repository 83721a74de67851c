package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link DurableObject} as durable state. The field is loaded before the first
 * turn of an activation, and its value is committed with every turn that returns normally and
 * changed it. When a turn throws, the field is restored to its last committed value.
 *
 * <p>The field must not be private, static or final: the generated binding reads and writes it
 * directly, without reflection. A field never committed holds its type's default ({@code 0}, {@code
 * false} or {@code null}).
 *
 * <p>For large or keyed state read a piece at a time, declare a {@link DurableMap} field instead
 * (without this annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Persist {}
