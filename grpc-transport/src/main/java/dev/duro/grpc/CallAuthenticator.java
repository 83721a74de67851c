package dev.duro.grpc;

import dev.duro.UnauthenticatedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides whether a host accepts a call, before anything about it runs: set with {@link
 * DuroHost.Builder#authenticator}. It sees every call to an object service and to the reflection
 * service; health checks ({@code grpc.health.v1.Health}) are not authenticated, so load balancers
 * and orchestrators can probe without credentials.
 *
 * <p>To refuse a call, throw {@link UnauthenticatedException}: the client gets status {@code
 * UNAUTHENTICATED} with the exception's message (and rebuilds an {@link UnauthenticatedException}),
 * and the object never sees the call. Any other exception also refuses the call with {@code
 * UNAUTHENTICATED} (failing closed), with a message naming only the exception's class so no detail
 * of the check leaks to the caller.
 *
 * <p>Threading: called on gRPC transport threads, concurrently for concurrent calls, so it must be
 * thread-safe and must not block (no network or disk round trips per call; cache what you need).
 *
 * <pre>{@code
 * DuroHost.builder()
 *     .tls(Path.of("server.crt"), Path.of("server.key"))
 *     .authenticator(CallAuthenticator.bearerToken(System.getenv("DURO_TOKEN")))
 *     ...
 * }</pre>
 */
@FunctionalInterface
public interface CallAuthenticator {
  /**
   * Accepts {@code call} by returning normally, or refuses it by throwing.
   *
   * @throws UnauthenticatedException to refuse the call with this message
   */
  void authenticate(IncomingCall call);

  /**
   * Accepts calls whose {@code authorization} header is {@code Bearer <token>} with exactly {@code
   * token}, compared in constant time. {@link DuroClient.Builder#bearerToken} sends such a header.
   *
   * @throws IllegalArgumentException if {@code token} is empty
   */
  static CallAuthenticator bearerToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
    byte[] expected = token.getBytes(StandardCharsets.UTF_8);
    return bearerToken(
        presented -> MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Accepts calls whose {@code authorization} header is {@code Bearer <token>} with a token that
   * {@code valid} accepts (it must be thread-safe and must not block). Calls without such a header,
   * or with a token it rejects, are refused.
   */
  static CallAuthenticator bearerToken(Predicate<String> valid) {
    Objects.requireNonNull(valid, "valid");
    return call -> {
      String token =
          call.bearerToken()
              .orElseThrow(
                  () ->
                      new UnauthenticatedException(
                          "Call "
                              + call.fullMethodName()
                              + " has no 'authorization: Bearer <token>' header"));
      if (!valid.test(token)) {
        throw new UnauthenticatedException(
            "Call " + call.fullMethodName() + " was refused: the bearer token is not valid");
      }
    };
  }
}
