/**
 * Duro's user-facing API: the annotations that declare a durable object, ids, namespaces, the
 * object context, alarms, storage and durable maps, and the exceptions callers see.
 *
 * <p>See {@link dev.duro.DurableObject} for where to start.
 */
package dev.duro;
