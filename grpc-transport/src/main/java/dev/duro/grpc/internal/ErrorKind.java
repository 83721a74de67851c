package dev.duro.grpc.internal;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.InvalidRequestException;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.UnauthenticatedException;
import dev.duro.UnknownMethodException;
import dev.duro.codec.CodecException;
import io.grpc.Status;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of Duro error, each with its gRPC status code and its {@code duro-error-kind} trailer
 * value, so a client restores the exact exception class whatever the status code means elsewhere.
 */
enum ErrorKind {
  REMOTE_FAILURE("remote-failure", Status.Code.UNKNOWN),
  INVALID_REQUEST("invalid-request", Status.Code.INVALID_ARGUMENT),
  UNKNOWN_METHOD("unknown-method", Status.Code.UNIMPLEMENTED),
  OVERLOADED("overloaded", Status.Code.RESOURCE_EXHAUSTED),
  DEADLINE_EXCEEDED("deadline-exceeded", Status.Code.DEADLINE_EXCEEDED),
  CALL_CYCLE("call-cycle", Status.Code.FAILED_PRECONDITION),
  UNAUTHENTICATED("unauthenticated", Status.Code.UNAUTHENTICATED),
  TRANSPORT("transport", Status.Code.UNAVAILABLE);

  private static final ErrorKind[] VALUES = values();

  private final String wireName;
  private final Status.Code code;

  ErrorKind(String wireName, Status.Code code) {
    this.wireName = wireName;
    this.code = code;
  }

  /** The {@code duro-error-kind} trailer value. */
  String wireName() {
    return wireName;
  }

  /** The status code the server sends for this kind. */
  Status.Code code() {
    return code;
  }

  /** The kind of a failure on the server; anything not a known Duro error is {@link #TRANSPORT}. */
  static ErrorKind of(Throwable t) {
    if (t instanceof RemoteFailureException) {
      return REMOTE_FAILURE;
    } else if (t instanceof InvalidRequestException || t instanceof CodecException) {
      // Undecodable arguments are a bad request, whether or not the host wrapped the codec error.
      return INVALID_REQUEST;
    } else if (t instanceof UnknownMethodException) {
      return UNKNOWN_METHOD;
    } else if (t instanceof OverloadedException) {
      return OVERLOADED;
    } else if (t instanceof DeadlineExceededException) {
      return DEADLINE_EXCEEDED;
    } else if (t instanceof CallCycleException) {
      return CALL_CYCLE;
    } else if (t instanceof UnauthenticatedException) {
      return UNAUTHENTICATED;
    }
    return TRANSPORT;
  }

  /** The kind named by a {@code duro-error-kind} trailer, or {@code null} if not one of ours. */
  static @Nullable ErrorKind fromWireName(@Nullable String wireName) {
    if (wireName != null) {
      for (ErrorKind kind : VALUES) {
        if (kind.wireName.equals(wireName)) {
          return kind;
        }
      }
    }
    return null;
  }

  /**
   * The kind a status without a {@code duro-error-kind} trailer maps to: the status was made by
   * gRPC itself (an unknown service or method, a client deadline, a dropped connection) or by a
   * server that is not a Duro host.
   */
  static ErrorKind fromCode(Status.Code code) {
    switch (code) {
      case INVALID_ARGUMENT:
        return INVALID_REQUEST;
      case UNIMPLEMENTED:
        return UNKNOWN_METHOD;
      case RESOURCE_EXHAUSTED:
        return OVERLOADED;
      case DEADLINE_EXCEEDED:
        return DEADLINE_EXCEEDED;
      case UNAUTHENTICATED:
        return UNAUTHENTICATED;
      default:
        return TRANSPORT;
    }
  }
}
