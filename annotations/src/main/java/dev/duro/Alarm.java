package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method run when the object's alarm fires (see {@link Alarms}). At most one per class.
 * The method takes no parameter or one {@link AlarmInfo}, returns {@code void}, and must not be
 * private or static.
 *
 * <p>The alarm runs as a turn of the object, activating it if needed, also after a host restart.
 * Inside the alarm turn {@link Alarms#get()} is empty unless the turn sets a new alarm. If the
 * method throws, the turn's writes are discarded and the alarm is retried with exponential backoff.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Alarm {}
