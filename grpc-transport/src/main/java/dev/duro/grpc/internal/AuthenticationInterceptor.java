package dev.duro.grpc.internal;

import dev.duro.UnauthenticatedException;
import dev.duro.grpc.CallAuthenticator;
import dev.duro.grpc.IncomingCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.health.v1.HealthGrpc;
import java.lang.System.Logger.Level;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Runs a {@link CallAuthenticator} on every call except health checks, before the call's request is
 * read: a refused call is closed with {@code UNAUTHENTICATED} and never reaches its service.
 * Installed server-wide, so it runs before the object address is checked.
 */
public final class AuthenticationInterceptor implements ServerInterceptor {
  private static final System.Logger LOGGER = System.getLogger("dev.duro.grpc");
  private static final String HEALTH_SERVICE = HealthGrpc.SERVICE_NAME;

  private final CallAuthenticator authenticator;

  public AuthenticationInterceptor(CallAuthenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String fullMethodName = call.getMethodDescriptor().getFullMethodName();
    if (HEALTH_SERVICE.equals(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    IncomingCall incoming =
        IncomingCall.of(
            fullMethodName,
            headers,
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
            peerCertificates(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)));
    UnauthenticatedException refused;
    try {
      authenticator.authenticate(incoming);
      refused = null;
    } catch (UnauthenticatedException e) {
      refused = e;
    } catch (RuntimeException e) {
      // Fail closed, and tell the caller only the exception's class: its message may describe
      // the credentials being checked. The operator gets the whole exception.
      LOGGER.log(Level.WARNING, "Authenticator failed on " + incoming + "; call refused", e);
      refused =
          new UnauthenticatedException(
              "Call "
                  + fullMethodName
                  + " was refused: the authenticator failed with "
                  + e.getClass().getName());
    }
    if (refused == null) {
      return next.startCall(call, headers);
    }
    ErrorMapping.close(call, refused);
    return new ServerCall.Listener<>() {};
  }

  private static List<X509Certificate> peerCertificates(SSLSession session) {
    if (session == null) {
      return List.of();
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      List<X509Certificate> certificates = new ArrayList<>(chain.length);
      for (Certificate c : chain) {
        if (c instanceof X509Certificate) {
          certificates.add((X509Certificate) c);
        }
      }
      return certificates;
    } catch (SSLPeerUnverifiedException noClientCertificate) {
      return List.of();
    }
  }
}
