package dev.duro.grpc.internal;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Sends {@code authorization: Bearer <token>} with every call, but only over a connection that
 * protects it (TLS, or in-process): over plaintext the call fails with {@code UNAUTHENTICATED}
 * without being sent, so a misconfigured client never leaks its token.
 */
public final class BearerTokenCredentials extends CallCredentials {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String headerValue;

  /**
   * @throws IllegalArgumentException if {@code token} is empty or not printable ASCII without
   *     spaces (it must fit an HTTP/2 header value)
   */
  public BearerTokenCredentials(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("bearer token must not be empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new IllegalArgumentException(
            "bearer token must be printable ASCII without spaces; character " + i + " is not");
      }
    }
    this.headerValue = "Bearer " + token;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    if (requestInfo.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY) {
      applier.fail(
          Status.UNAUTHENTICATED.withDescription(
              "Bearer token not sent over a plaintext connection to "
                  + requestInfo.getAuthority()
                  + ": configure TLS on the client"));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, headerValue);
    applier.apply(headers);
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials[***]";
  }
}
