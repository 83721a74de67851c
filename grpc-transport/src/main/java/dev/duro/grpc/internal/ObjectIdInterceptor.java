package dev.duro.grpc.internal;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.List;

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
    ObjectId id;
    List<String> chain;
    try {
      id = ObjectIdHeaders.read(key, headers);
      chain = CallChainHeaders.read(headers);
    } catch (InvalidRequestException e) {
      StatusRuntimeException status = ErrorMapping.toStatus(e);
      call.close(status.getStatus(), status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValues(OBJECT_ID, id, CallChainHeaders.RECEIVED, chain);
    return Contexts.interceptCall(context, call, headers, next);
  }
}
