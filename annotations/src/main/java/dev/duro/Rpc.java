package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link DurableObject} as callable by clients. Each call runs as one turn: one
 * at a time per object, in arrival order; its writes are committed atomically and durably before
 * the reply is released; if it throws, nothing is committed and {@link Persist} fields are
 * restored.
 *
 * <p>The method must not be private, static or generic. Parameter and return types must be
 * supported by Duro's codecs; the processor names any that are not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Rpc {}
