package dev.duro.grpc.internal;

import dev.duro.ObjectId;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one {@code @Rpc} method of a namespace: hands the call to the invoker, with the received
 * call chain and deadline as the thread's {@link CallContext}, and replies when its future
 * completes. Never blocks the gRPC thread, so servers can use a direct executor. When the call is
 * cancelled (client cancel, disconnect, deadline) the invoker's future is cancelled, which the
 * runtime takes as "skip the turn if it has not started".
 */
final class ObjectCallHandler implements ServerCalls.UnaryMethod<byte[], byte[]> {
  private final Invoker invoker;
  private final String namespace;
  private final String method;

  ObjectCallHandler(Invoker invoker, String namespace, String method) {
    this.invoker = invoker;
    this.namespace = namespace;
    this.method = method;
  }

  @Override
  public void invoke(byte[] request, StreamObserver<byte[]> reply) {
    Context context = Context.current();
    if (context.isCancelled()) {
      // The deadline passed or the client left before the call reached us: do not run it. gRPC has
      // already closed the call with the reason.
      return;
    }
    ObjectId id = ObjectIdInterceptor.OBJECT_ID.get(context);
    CompletableFuture<byte[]> result;
    // The invoker (the runtime's) takes the chain and deadline from the calling thread's context.
    try (CallContext.Scope scope = CallChainHeaders.serverContext(context).enter()) {
      result = invoker.call(namespace, id, method, request);
    } catch (RuntimeException e) {
      reply.onError(ErrorMapping.toStatus(e));
      return;
    }
    // The client cancelled, disconnected or ran out of time: cancelling the invoker's future
    // removes the call from the object's queue if its turn has not started (see Invoker#call).
    ((ServerCallStreamObserver<byte[]>) reply).setOnCancelHandler(() -> result.cancel(false));
    result.whenComplete(
        (bytes, failure) -> {
          if (failure == null && bytes != null) {
            reply.onNext(bytes);
            reply.onCompleted();
          } else {
            reply.onError(
                ErrorMapping.toStatus(
                    failure != null
                        ? failure
                        : new NullPointerException("Invoker completed the call with null")));
          }
        });
  }
}
