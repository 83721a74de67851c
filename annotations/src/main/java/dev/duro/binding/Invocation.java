package dev.duro.binding;

/**
 * One decoded call, ready to run inside a turn: the arguments are already decoded, so malformed
 * requests are rejected before the turn starts.
 *
 * @param <T> the object class
 */
@FunctionalInterface
public interface Invocation<T> {
  /**
   * Calls the {@code @Rpc} method on {@code object} and returns the encoded reply message.
   *
   * @throws Exception whatever the method throws
   */
  byte[] invoke(T object) throws Exception;
}
