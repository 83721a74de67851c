package dev.duro.grpc;

import io.grpc.Metadata;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CallAuthenticator} knows about a call it is asked to accept: which method it
 * addresses, its request headers, and who sent it (address and, with mutual TLS, the verified
 * client certificate chain). Nothing of the call has run yet. Valid only during {@link
 * CallAuthenticator#authenticate}; not thread-safe (one per call).
 */
public final class IncomingCall {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String fullMethodName;
  private final Metadata headers;
  private final @Nullable SocketAddress remoteAddress;
  private final List<X509Certificate> peerCertificates;

  IncomingCall(
      String fullMethodName,
      Metadata headers,
      @Nullable SocketAddress remoteAddress,
      List<X509Certificate> peerCertificates) {
    this.fullMethodName = Objects.requireNonNull(fullMethodName, "fullMethodName");
    this.headers = Objects.requireNonNull(headers, "headers");
    this.remoteAddress = remoteAddress;
    this.peerCertificates = List.copyOf(peerCertificates);
  }

  /**
   * A call as a {@link CallAuthenticator} sees it, for testing authenticators without a server.
   *
   * @param fullMethodName {@code "<service>/<method>"}, for example {@code "shop.Cart/add"}
   */
  public static IncomingCall of(
      String fullMethodName,
      Metadata headers,
      @Nullable SocketAddress remoteAddress,
      List<X509Certificate> peerCertificates) {
    return new IncomingCall(fullMethodName, headers, remoteAddress, peerCertificates);
  }

  /**
   * The gRPC method, {@code "<service>/<method>"}: for object calls {@code "<namespace>/<rpc>"}.
   */
  public String fullMethodName() {
    return fullMethodName;
  }

  /** The gRPC service: for object calls, the namespace (such as {@code "shop.Cart"}). */
  public String serviceName() {
    int slash = fullMethodName.lastIndexOf('/');
    return slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
  }

  /** The method within the service: for object calls, the {@code @Rpc} method's name. */
  public String methodName() {
    int slash = fullMethodName.lastIndexOf('/');
    return fullMethodName.substring(slash + 1);
  }

  /** The request headers, as received. Do not modify them. */
  public Metadata headers() {
    return headers;
  }

  /** The last value of the ASCII header {@code name} (case-insensitive), if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(
        headers.get(
            Metadata.Key.of(name.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER)));
  }

  /**
   * The token of an {@code authorization: Bearer <token>} header (scheme case-insensitive, as in
   * RFC 6750); empty if there is no such header or it uses another scheme.
   */
  public Optional<String> bearerToken() {
    String value = headers.get(AUTHORIZATION);
    if (value == null || value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(value.substring(7).trim()).filter(t -> !t.isEmpty());
  }

  /** The client's address, if the transport knows one (TCP does; in-process may not). */
  public Optional<SocketAddress> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  /**
   * The certificate chain the client presented, leaf first (often just the leaf), already verified
   * against the host's {@link DuroHost.Builder#clientAuth trusted certificates}; empty without
   * mutual TLS.
   */
  public List<X509Certificate> peerCertificates() {
    return peerCertificates;
  }

  @Override
  public String toString() {
    return "IncomingCall[" + fullMethodName + " from " + remoteAddress + "]";
  }
}
