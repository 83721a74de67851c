package dev.duro.grpc.internal;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Reads and checks the addressed object of every streaming call to one namespace's service before
 * its handler runs, and the call chain ({@link CallChainHeaders}); a bad address or chain closes
 * the call with {@code INVALID_ARGUMENT} and nothing is run. (Unary calls read them in {@link
 * ObjectCallHandler}.)
 */
final class ObjectIdInterceptor implements ServerInterceptor {
  /** The checked object id of the current call, set for the handler. */
  static final Context.Key<ObjectId> OBJECT_ID = Context.key("duro-object-id");

  private final NamespaceKey key;

  ObjectIdInterceptor(NamespaceKey key) {
    this.key = key;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    ObjectAddress address = ObjectAddress.readOrClose(key, call, headers);
    if (address == null) {
      return new ServerCall.Listener<>() {};
    }
    Context context =
        Context.current()
            .withValues(OBJECT_ID, address.id(), CallChainHeaders.RECEIVED, address.chain());
    return Contexts.interceptCall(context, call, headers, next);
  }
}
