package dev.duro.testkit;

import dev.duro.ObjectId;
import dev.duro.binding.CallHandler;

/**
 * A fake object at the wire level, as the test kit first named it: a {@link CallHandler}, so either
 * type works with {@link DuroTestKit#fake(java.util.function.Function, CallHandler)}. It receives
 * each call's encoded request and returns the encoded reply (field 1 = the return value; empty for
 * {@code void} or a default value). Encode replies with {@link dev.duro.codec.ProtoWriter}, for
 * example {@code new ProtoWriter().writeInt64(1, 42).toByteArray()} for a {@code long}; decode
 * requests with {@link dev.duro.codec.ProtoReader}. For a typed fake, implement the generated
 * {@code XApi} interface instead and pass {@code XNamespace.handler(impl)}.
 *
 * <p>Runs inside a turn of the faked object (one at a time per id). Throwing makes the caller see a
 * {@link dev.duro.RemoteFailureException}, as a throwing object method would.
 */
@FunctionalInterface
public interface FakeHandler extends CallHandler {
  /**
   * Handles one call.
   *
   * @param id the called object
   * @param method the {@code @Rpc} method name
   * @param request the encoded request message (fields 1..n = the parameters)
   * @return the encoded reply message; {@code null} is taken as empty
   */
  @Override
  byte[] handle(ObjectId id, String method, byte[] request) throws Exception;
}
