package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers encoded calls to objects: the client side of the contract between generated stubs and
 * whatever carries calls (a gRPC {@code DuroClient}, a host's local invoker, a test kit).
 *
 * <p>Requests are protobuf messages whose fields 1..n are the method's parameters; replies are
 * messages whose field 1 is the return value (empty for {@code void}). Implementations are
 * thread-safe. Futures complete exceptionally only with a {@link DuroException}.
 */
public interface Invoker {
  /**
   * Sends one call. The future completes once the object's turn committed durably (or failed).
   * Cancelling the future before the object's turn starts withdraws the call: the runtime and
   * {@code DuroClient} then never run it. A turn that has started runs to the end regardless.
   *
   * @param namespace the target's namespace name
   * @param id the target object (already checked to belong to {@code namespace})
   * @param method the {@code @Rpc} method name
   * @param request the encoded request message; not modified, not retained after the call
   */
  CompletableFuture<byte[]> call(String namespace, ObjectId id, String method, byte[] request);

  /**
   * Sends one call and waits for its reply. The default joins {@link #call}; transports may do
   * better.
   *
   * @throws DuroException if the call failed
   */
  default byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
    return Calls.join(call(namespace, id, method, request));
  }
}
