package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument method run once per activation, after the constructor and after {@link
 * Persist} fields are loaded, before the first turn. At most one per class; must not be private or
 * static. If it throws, the activation fails, the triggering turn receives the error and the next
 * turn tries to activate again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnActivate {}
