package dev.duro.binding;

import dev.duro.ObjectId;

/**
 * Serves unary calls at the wire level: given a call's target, method name and encoded request,
 * returns the encoded reply. Requests are messages whose fields 1..n are the method's parameters;
 * replies are messages whose field 1 is the return value (empty for {@code void}).
 *
 * <p>Each generated {@code XNamespace} has a static {@code handler(XApi impl)} that adapts a typed
 * implementation of the generated {@code XApi} interface, decoding and encoding exactly as the
 * object's binding does; a test kit can serve a namespace with a handler in place of the object
 * class ({@code DuroTestKit.fake}). Streaming methods are not served by handlers.
 *
 * <p>Thread-safety is the implementation's to state; a host calls a handler from the turns of the
 * objects it serves, one at a time per object.
 */
@FunctionalInterface
public interface CallHandler {
  /**
   * Handles one call.
   *
   * @param id the called object
   * @param method the {@code @Rpc} method name
   * @param request the encoded request message (fields 1..n = the parameters)
   * @return the encoded reply message; hosts take {@code null} as an empty reply
   * @throws dev.duro.UnknownMethodException if the handler has no such method
   * @throws dev.duro.codec.CodecException if {@code request} is malformed
   * @throws Exception whatever the implementation throws; a host reports it to the caller as it
   *     would an object method's exception
   */
  byte[] handle(ObjectId id, String method, byte[] request) throws Exception;
}
