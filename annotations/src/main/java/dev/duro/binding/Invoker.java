package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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

  /**
   * Subscribes to a streaming {@code @Rpc} method: each {@link Flow.Publisher#subscribe} sends one
   * call, whose events (reply messages, field 1 = the event) the subscriber receives as the object
   * sends them, with the demand it signals ({@link Flow.Subscription#request}) as flow control.
   * {@link Flow.Subscription#cancel} ends the call; the object sees the subscriber go. Errors reach
   * {@code onError} as {@link DuroException}s. The default refuses: the invoker does not stream.
   *
   * @param namespace the target's namespace name
   * @param id the target object (already checked to belong to {@code namespace})
   * @param method the streaming {@code @Rpc} method name
   * @param request the encoded request message; not modified, not retained after subscribing
   */
  default Flow.Publisher<byte[]> stream(
      String namespace, ObjectId id, String method, byte[] request) {
    return Streams.failed(
        new TransportException(getClass().getName() + " does not support streaming calls"));
  }
}
