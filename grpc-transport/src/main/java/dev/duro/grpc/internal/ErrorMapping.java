package dev.duro.grpc.internal;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnauthenticatedException;
import dev.duro.UnknownMethodException;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns Duro errors into gRPC statuses with trailers on the server, and statuses back into the same
 * Duro exceptions on the client. The table is documented in {@code dev.duro.grpc}'s package
 * javadoc.
 */
final class ErrorMapping {
  static final Metadata.Key<String> KIND =
      Metadata.Key.of("duro-error-kind", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> TYPE =
      Metadata.Key.of("duro-error-type", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> MESSAGE =
      Metadata.Key.of("duro-error-message", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Longest message sent, in UTF-8 bytes. A message travels twice (description and trailer), and
   * percent-encoding can triple it; this keeps the trailers well under gRPC's default 8 KiB limit,
   * past which the client would see an unrelated error instead.
   */
  static final int MAX_MESSAGE_BYTES = 1024;

  private ErrorMapping() {}

  /** Closes {@code call} with the status and trailers {@link #toStatus} gives {@code failure}. */
  static void close(ServerCall<?, ?> call, Throwable failure) {
    StatusRuntimeException e = toStatus(failure);
    Metadata trailers = e.getTrailers();
    call.close(e.getStatus(), trailers != null ? trailers : new Metadata());
  }

  /** The status a server sends for {@code failure} (unwrapping completion wrappers). */
  static StatusRuntimeException toStatus(Throwable failure) {
    Throwable t = unwrap(failure);
    ErrorKind kind = ErrorKind.of(t);
    Metadata trailers = new Metadata();
    trailers.put(KIND, kind.wireName());
    String description;
    if (t instanceof RemoteFailureException) {
      RemoteFailureException remote = (RemoteFailureException) t;
      String type = PercentEncoding.truncate(remote.remoteType(), MAX_MESSAGE_BYTES);
      String message =
          remote.remoteMessage() == null
              ? null
              : PercentEncoding.truncate(remote.remoteMessage(), MAX_MESSAGE_BYTES);
      trailers.put(TYPE, PercentEncoding.encode(type));
      if (message != null) {
        trailers.put(MESSAGE, PercentEncoding.encode(message));
      }
      description = message == null ? type : type + ": " + message;
    } else if (t instanceof DuroException) {
      description = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    } else {
      // Not a Duro error: a bug or a broken invoker. Say what it was rather than a bare UNKNOWN.
      description = "Host failed outside the object: " + t;
    }
    return kind.code()
        .toStatus()
        .withDescription(PercentEncoding.truncate(description, 2 * MAX_MESSAGE_BYTES))
        .asRuntimeException(trailers);
  }

  /**
   * The Duro exception for a failed client call to {@code fullMethodName}: the exact class the
   * server reported in {@code duro-error-kind}, or one chosen by status code when gRPC itself (or a
   * server that is not a Duro host) made the status.
   */
  static DuroException toDuroException(Throwable failure, String fullMethodName) {
    Throwable t = unwrap(failure);
    if (t instanceof DuroException) {
      return (DuroException) t;
    }
    Status status;
    Metadata trailers;
    if (t instanceof StatusRuntimeException) {
      status = ((StatusRuntimeException) t).getStatus();
      trailers = ((StatusRuntimeException) t).getTrailers();
    } else if (t instanceof StatusException) {
      status = ((StatusException) t).getStatus();
      trailers = ((StatusException) t).getTrailers();
    } else {
      return new TransportException("Call " + fullMethodName + " failed: " + t, t);
    }
    ErrorKind kind = trailers == null ? null : ErrorKind.fromWireName(trailers.get(KIND));
    if (kind == null) {
      String message = "Call " + fullMethodName + " failed: " + status.getCode();
      if (status.getDescription() != null) {
        message += ": " + status.getDescription();
      }
      return newException(ErrorKind.fromCode(status.getCode()), message, t);
    }
    String description =
        status.getDescription() == null ? status.getCode().name() : status.getDescription();
    if (kind == ErrorKind.REMOTE_FAILURE) {
      String type = trailers.get(TYPE);
      String message = trailers.get(MESSAGE);
      return new RemoteFailureException(
          type == null ? description : PercentEncoding.decodeLenient(type),
          message == null ? null : PercentEncoding.decodeLenient(message),
          t);
    }
    return newException(kind, description, t);
  }

  private static DuroException newException(ErrorKind kind, String message, Throwable cause) {
    switch (kind) {
      case INVALID_REQUEST:
        return new InvalidRequestException(message, cause);
      case UNKNOWN_METHOD:
        return new UnknownMethodException(message, cause);
      case OVERLOADED:
        return new OverloadedException(message, cause);
      case DEADLINE_EXCEEDED:
        return new DeadlineExceededException(message, cause);
      case CALL_CYCLE:
        return new CallCycleException(message, cause);
      case UNAUTHENTICATED:
        return new UnauthenticatedException(message, cause);
      case REMOTE_FAILURE: // built by the caller, with its type and message
      case TRANSPORT:
      default:
        return new TransportException(message, cause);
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
