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

/**
 * Reads and checks the addressed object of every call to one namespace's service before any handler
 * runs; a bad address closes the call with {@code INVALID_ARGUMENT} and nothing is run.
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
    try {
      id = ObjectIdHeaders.read(key, headers);
    } catch (InvalidRequestException e) {
      StatusRuntimeException status = ErrorMapping.toStatus(e);
      call.close(status.getStatus(), status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(OBJECT_ID, id), call, headers, next);
  }
}
