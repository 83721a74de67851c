package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.UnauthenticatedException;
import dev.duro.binding.NamespaceKey;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS, mutual TLS and call authenticators on a real host over the loopback interface, with
 * certificates made at test time. Every refused call is also shown not to have run: the counter
 * only ever holds the accepted increments.
 */
class SecurityTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("c");
  private static final String TOKEN = "s3cret-T0ken_with.chars~";

  private static TestCertificates.Issued ca;
  private static TestCertificates.Issued server;
  private static TestCertificates.Issued alice;
  private static TestCertificates.Issued mallory;
  private static TestCertificates.Issued strangerCa;
  private static TestCertificates.Issued stranger;

  @TempDir Path data;
  @TempDir Path files;

  private DuroHost host;
  private final List<DuroClient> clients = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.authority("CN=Duro Test CA");
    server = TestCertificates.server(ca);
    alice = TestCertificates.client(ca, "alice");
    mallory = TestCertificates.client(ca, "mallory");
    strangerCa = TestCertificates.authority("CN=Somebody Else's CA");
    stranger = TestCertificates.client(strangerCa, "alice");
  }

  @AfterEach
  void stop() {
    clients.forEach(DuroClient::close);
    if (host != null) {
      host.close();
    }
  }

  private void startHost(UnaryOperator<DuroHost.Builder> config) {
    host =
        config
            .apply(
                DuroHost.builder()
                    .dataDirectory(data)
                    .port(0)
                    .bindings(List.of(new DurableCounter.Binding())))
            .build()
            .start();
  }

  private void startTlsHost(UnaryOperator<DuroHost.Builder> config) {
    startHost(b -> config.apply(b.tls(server.certificatePem(), server.keyPem())));
  }

  private String target() {
    return "localhost:" + host.port();
  }

  private DuroClient client(UnaryOperator<DuroClient.Builder> config) {
    DuroClient c = config.apply(DuroClient.builder(target())).build();
    clients.add(c);
    return c;
  }

  private DuroClient trusting() {
    return client(b -> b.tls(ca.certificatePem()));
  }

  private static long increment(DuroClient client, long by) {
    return readLong(client.callBlocking("Counter", ID, "increment", longRequest(by)));
  }

  private static long get(DuroClient client) {
    return readLong(client.callBlocking("Counter", ID, "get", new byte[0]));
  }

  @Test
  void tlsRoundTripWithPemFiles() throws Exception {
    Path chain = Files.write(files.resolve("server.pem"), server.certificatePem());
    Path key = Files.write(files.resolve("server.key"), server.keyPem());
    Path trust = Files.write(files.resolve("ca.pem"), ca.certificatePem());
    startHost(b -> b.tls(chain, key));

    DuroClient client = client(b -> b.tls(trust));
    assertEquals(5, increment(client, 5));
    assertEquals(12, readLong(client.call("Counter", ID, "increment", longRequest(7)).get()));
  }

  @Test
  void plaintextClientToTlsHostFails() {
    startTlsHost(b -> b);

    DuroClient plaintext = client(b -> b);
    assertThrows(TransportException.class, () -> increment(plaintext, 1));
    assertEquals(0, get(trusting()));
  }

  @Test
  void clientThatDoesNotTrustTheHostFails() {
    startTlsHost(b -> b);

    assertThrows(
        TransportException.class,
        () -> increment(client(b -> b.tls(strangerCa.certificatePem())), 1));
    // The JDK's default authorities do not know the test CA either.
    assertThrows(TransportException.class, () -> increment(client(DuroClient.Builder::tls), 1));
    assertEquals(0, get(trusting()));
  }

  @Test
  void mutualTlsAcceptsOnlyClientsWithATrustedCertificate() {
    startTlsHost(b -> b.clientAuth(ca.certificatePem()));
    DuroClient asAlice =
        client(
            b ->
                b.tls(ca.certificatePem())
                    .clientCertificate(alice.certificatePem(), alice.keyPem()));

    assertEquals(3, increment(asAlice, 3));
    DuroException noCertificate =
        assertThrows(DuroException.class, () -> increment(trusting(), 100));
    assertInstanceOf(TransportException.class, noCertificate);
    DuroClient asStranger =
        client(
            b ->
                b.tls(ca.certificatePem())
                    .clientCertificate(stranger.certificatePem(), stranger.keyPem()));
    assertThrows(TransportException.class, () -> increment(asStranger, 1000));
    assertEquals(3, get(asAlice));
  }

  @Test
  void authenticatorSeesTheVerifiedClientCertificate() {
    List<IncomingCall> seen = new CopyOnWriteArrayList<>();
    startTlsHost(
        b ->
            b.clientAuth(ca.certificatePem())
                .authenticator(
                    call -> {
                      seen.add(call);
                      String subject =
                          call.peerCertificates().get(0).getSubjectX500Principal().getName();
                      if (!subject.equals("CN=alice")) {
                        throw new UnauthenticatedException(subject + " may not call this host");
                      }
                    }));
    DuroClient asAlice =
        client(
            b ->
                b.tls(ca.certificatePem())
                    .clientCertificate(alice.certificatePem(), alice.keyPem())
                    .configureChannel(channel -> channel.userAgent("alice-app/1.0")));
    DuroClient asMallory =
        client(
            b ->
                b.tls(ca.certificatePem())
                    .clientCertificate(mallory.certificatePem(), mallory.keyPem()));

    assertEquals(2, increment(asAlice, 2));
    UnauthenticatedException refused =
        assertThrows(UnauthenticatedException.class, () -> increment(asMallory, 50));
    assertEquals("CN=mallory may not call this host", refused.getMessage());
    assertEquals(2, get(asAlice));

    IncomingCall first = seen.get(0);
    assertEquals("Counter/increment", first.fullMethodName());
    assertEquals("Counter", first.serviceName());
    assertEquals("increment", first.methodName());
    assertTrue(first.remoteAddress().isPresent());
    // The chain the client presented (here only its leaf), already verified by the handshake.
    assertEquals(List.of(alice.certificate()), first.peerCertificates());
    assertTrue(first.header("User-Agent").orElseThrow().startsWith("alice-app/1.0"));
    assertEquals(Optional.empty(), first.bearerToken());
  }

  @Test
  void bearerTokenGoodBadAndMissing() {
    startTlsHost(b -> b.authenticator(CallAuthenticator.bearerToken(TOKEN)));
    DuroClient good = client(b -> b.tls(ca.certificatePem()).bearerToken(TOKEN));
    DuroClient bad = client(b -> b.tls(ca.certificatePem()).bearerToken(TOKEN + "x"));
    DuroClient missing = trusting();

    assertEquals(4, increment(good, 4));
    UnauthenticatedException wrong =
        assertThrows(UnauthenticatedException.class, () -> increment(bad, 100));
    assertTrue(wrong.getMessage().contains("not valid"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains(TOKEN), "the message must not echo the token");
    UnauthenticatedException none =
        assertThrows(UnauthenticatedException.class, () -> increment(missing, 1000));
    assertTrue(none.getMessage().contains("authorization"), none.getMessage());
    // The async path maps the same way.
    Exception async =
        assertThrows(
            Exception.class,
            () ->
                bad.call("Counter", ID, "increment", longRequest(10_000))
                    .get(60, TimeUnit.SECONDS));
    assertInstanceOf(UnauthenticatedException.class, async.getCause());

    // What any gRPC client sees: UNAUTHENTICATED, with the Duro error kind.
    StatusRuntimeException wire = assertInstanceOf(StatusRuntimeException.class, wrong.getCause());
    assertEquals(Status.Code.UNAUTHENTICATED, wire.getStatus().getCode());
    assertEquals(
        "unauthenticated",
        wire.getTrailers()
            .get(Metadata.Key.of("duro-error-kind", Metadata.ASCII_STRING_MARSHALLER)));

    assertEquals(4, get(good));
  }

  @Test
  void bearerTokenIsNeverSentInPlaintext() {
    List<IncomingCall> seen = new CopyOnWriteArrayList<>();
    startHost(b -> b.authenticator(seen::add));
    DuroClient leaky = client(b -> b.bearerToken(TOKEN));

    UnauthenticatedException e =
        assertThrows(UnauthenticatedException.class, () -> increment(leaky, 1));
    assertTrue(e.getMessage().contains("plaintext"), e.getMessage());
    assertTrue(seen.isEmpty(), "the call reached the host: " + seen);
    assertEquals(0, get(client(b -> b)));
  }

  @Test
  void failingAuthenticatorRefusesWithoutLeakingItsMessage() {
    startHost(
        b ->
            b.authenticator(
                call -> {
                  throw new IllegalStateException("token store at 10.0.0.7 is down");
                }));

    UnauthenticatedException e =
        assertThrows(UnauthenticatedException.class, () -> increment(client(b -> b), 1));
    assertTrue(e.getMessage().contains("java.lang.IllegalStateException"), e.getMessage());
    assertFalse(e.getMessage().contains("10.0.0.7"), e.getMessage());
  }

  @Test
  void healthChecksNeedNoCredentials() throws Exception {
    startTlsHost(b -> b.authenticator(CallAuthenticator.bearerToken(TOKEN)));
    ManagedChannel channel =
        Grpc.newChannelBuilder(
                target(),
                TlsChannelCredentials.newBuilder()
                    .trustManager(new ByteArrayInputStream(ca.certificatePem()))
                    .build())
            .build();
    try {
      assertEquals(
          ServingStatus.SERVING,
          HealthGrpc.newBlockingStub(channel)
              .check(HealthCheckRequest.newBuilder().setService("Counter").build())
              .getStatus());
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void bearerTokenAuthenticatorChecksTheHeaderStrictly() {
    CallAuthenticator check = CallAuthenticator.bearerToken(TOKEN);
    check.authenticate(call("Bearer " + TOKEN));
    check.authenticate(call("bearer " + TOKEN)); // the scheme is case-insensitive (RFC 6750)
    for (String header :
        List.of("Bearer", "Bearer ", "Basic " + TOKEN, TOKEN, "Bearer " + TOKEN.toUpperCase())) {
      assertThrows(UnauthenticatedException.class, () -> check.authenticate(call(header)), header);
    }
    assertThrows(UnauthenticatedException.class, () -> check.authenticate(call(null)));
    assertThrows(IllegalArgumentException.class, () -> CallAuthenticator.bearerToken(""));
  }

  private static IncomingCall call(String authorization) {
    Metadata headers = new Metadata();
    if (authorization != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
    }
    return IncomingCall.of("Counter/get", headers, null, List.of());
  }

  @Test
  void misconfigurationFailsAtBuild() {
    DuroHost.Builder mutualWithoutTls =
        DuroHost.builder().dataDirectory(data).port(0).clientAuth(ca.certificatePem());
    assertThrows(IllegalStateException.class, mutualWithoutTls::build);

    byte[] garbage = "not a certificate".getBytes(StandardCharsets.US_ASCII);
    DuroHost.Builder badPem =
        DuroHost.builder().dataDirectory(data).port(0).tls(garbage, server.keyPem());
    assertThrows(IllegalArgumentException.class, badPem::build);

    // Neither failed build kept the data directory: a host can still open it.
    startTlsHost(b -> b);
    assertEquals(1, increment(trusting(), 1));

    assertThrows(
        IllegalArgumentException.class, () -> DuroClient.builder(target()).bearerToken("a b"));
    assertThrows(
        IllegalArgumentException.class, () -> DuroClient.builder(target()).bearerToken(""));
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> DuroClient.builder(target()).tls(files.resolve("missing.pem")));
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> DuroHost.builder().tls(files.resolve("missing.pem"), files.resolve("missing.key")));
  }
}
