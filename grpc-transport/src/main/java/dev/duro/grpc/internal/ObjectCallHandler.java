package dev.duro.grpc.internal;

import dev.duro.ObjectId;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Runs one unary {@code @Rpc} method of a namespace: checks the addressed object and the call chain
 * from the request headers (a bad one closes the call with {@code INVALID_ARGUMENT}, nothing run),
 * hands the request to the invoker with the chain and the call's deadline as the thread's {@link
 * CallContext}, and replies when its future completes. Never blocks the gRPC thread, so servers can
 * use a direct executor. When the call is cancelled (client cancel, disconnect, deadline) the
 * invoker's future is cancelled, which the runtime takes as "skip the turn if it has not started".
 *
 * <p>A {@link ServerCallHandler} of its own rather than {@code ServerCalls.asyncUnaryCall} behind
 * an interceptor: it reads the headers where it receives them and replies on the {@link ServerCall}
 * directly, with no stream observer and no {@link Context} attached around each callback, which on
 * the host's single event loop is CPU taken from every call. The unary rules of {@code ServerCalls}
 * are kept: exactly one request message, else {@code INTERNAL}.
 */
final class ObjectCallHandler implements ServerCallHandler<byte[], byte[]> {
  private final Invoker invoker;
  private final NamespaceKey key;
  private final String namespace;
  private final String method;

  ObjectCallHandler(Invoker invoker, NamespaceKey key, String method) {
    this.invoker = invoker;
    this.key = key;
    this.namespace = key.namespace();
    this.method = method;
  }

  @Override
  public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
    ObjectAddress address = ObjectAddress.readOrClose(key, call, headers);
    if (address == null) {
      return new ServerCall.Listener<>() {};
    }
    // Two, so that a client sending a second request is seen (and refused) rather than left
    // waiting, as ServerCalls does.
    call.request(2);
    return new Listener(call, address.id(), address.chain(), Context.current());
  }

  private final class Listener extends ServerCall.Listener<byte[]> {
    private final ServerCall<byte[], byte[]> call;
    private final ObjectId id;
    private final List<String> chain;

    /** The call's context, as gRPC made it: its deadline and its cancellation. */
    private final Context context;

    // Written by the transport's serialized callbacks only.
    private byte @Nullable [] request;
    private boolean refused;
    private volatile @Nullable CompletableFuture<byte[]> result;
    private volatile boolean cancelled;

    Listener(ServerCall<byte[], byte[]> call, ObjectId id, List<String> chain, Context context) {
      this.call = call;
      this.id = id;
      this.chain = chain;
      this.context = context;
    }

    @Override
    public void onMessage(byte[] message) {
      if (request != null) {
        refused = true;
        call.close(
            Status.INTERNAL.withDescription("Too many requests for unary method " + method),
            new Metadata());
        return;
      }
      request = message;
    }

    @Override
    public void onHalfClose() {
      byte[] r = request;
      if (refused) {
        return;
      }
      if (r == null) {
        call.close(
            Status.INTERNAL.withDescription("Half-closed without a request for " + method),
            new Metadata());
        return;
      }
      if (cancelled || context.isCancelled()) {
        // The deadline passed or the client left before the call reached us: do not run it.
        // gRPC has already closed the call with the reason.
        return;
      }
      CompletableFuture<byte[]> f;
      // The invoker (the runtime's) takes the chain and deadline from the calling thread's context.
      try (CallContext.Scope scope = CallChainHeaders.serverContext(chain, context).enter()) {
        f = invoker.call(namespace, id, method, r);
      } catch (RuntimeException e) {
        ErrorMapping.close(call, e);
        return;
      }
      result = f;
      if (cancelled) {
        // Cancelled while the invoker queued it: onCancel may have missed the future.
        f.cancel(false);
      }
      f.whenComplete(this::reply);
    }

    private void reply(byte @Nullable [] bytes, @Nullable Throwable failure) {
      if (cancelled) {
        return; // gRPC closed the call already; nothing may be sent on it
      }
      if (failure == null && bytes != null) {
        call.sendHeaders(new Metadata());
        call.sendMessage(bytes);
        call.close(Status.OK, new Metadata());
      } else {
        ErrorMapping.close(
            call,
            failure != null
                ? failure
                : new NullPointerException("Invoker completed the call with null"));
      }
    }

    @Override
    public void onCancel() {
      cancelled = true;
      // The client cancelled, disconnected or ran out of time: cancelling the invoker's future
      // removes the call from the object's queue if its turn has not started (see Invoker#call).
      CompletableFuture<byte[]> f = result;
      if (f != null) {
        f.cancel(false);
      }
    }
  }
}
