package dev.duro.binding;

import dev.duro.EventSink;

/**
 * One decoded call of a streaming {@code @Rpc} method, ready to run inside a turn.
 *
 * @param <T> the object class
 */
@FunctionalInterface
public interface StreamInvocation<T> {
  /**
   * Calls the method on {@code object}, handing it {@code sink} (events encoded as reply messages,
   * field 1 = the event).
   *
   * @throws Exception whatever the method throws
   */
  void invoke(T object, EventSink<byte[]> sink) throws Exception;
}
