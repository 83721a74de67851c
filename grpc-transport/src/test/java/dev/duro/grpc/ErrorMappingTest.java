package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.failRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.Calls;
import dev.duro.binding.NamespaceKey;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every host-side failure reaches the client as the same exception class and message. */
class ErrorMappingTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("a");

  /** Both ways of calling: each must map errors identically. */
  enum Path {
    BLOCKING,
    ASYNC;

    DuroException fail(DuroClient client, String method, byte[] request) {
      if (this == BLOCKING) {
        return assertThrows(
            DuroException.class, () -> client.callBlocking("Counter", ID, method, request));
      }
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> client.call("Counter", ID, method, request).get(10, TimeUnit.SECONDS));
      return assertInstanceOf(DuroException.class, e.getCause());
    }
  }

  private InProcessFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new InProcessFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  static Stream<Arguments> kinds() {
    return Stream.of(Path.values())
        .flatMap(
            path ->
                Stream.of(
                    Arguments.of(path, "invalid", InvalidRequestException.class),
                    Arguments.of(path, "codec", InvalidRequestException.class),
                    Arguments.of(path, "unknown", UnknownMethodException.class),
                    Arguments.of(path, "overloaded", OverloadedException.class),
                    Arguments.of(path, "deadline", DeadlineExceededException.class),
                    Arguments.of(path, "cycle", CallCycleException.class),
                    Arguments.of(path, "transport", TransportException.class)));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void duroErrorsKeepTheirClassAndMessage(
      Path path, String kind, Class<? extends DuroException> expected) {
    String message = kind + " went wrong: ünïcödé ✓ 100% \"quoted\"\nsecond line";

    DuroException e = path.fail(fx.client, "fail", failRequest(kind, message, null));

    assertEquals(expected, e.getClass());
    assertEquals(message, e.getMessage());
    assertInstanceOf(StatusRuntimeException.class, e.getCause());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void remoteFailureKeepsTypeAndMessage(Path path) {
    DuroException e =
        path.fail(fx.client, "fail", failRequest("remote", "boom", "com.example.BadThing"));

    RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class, e);
    assertEquals("com.example.BadThing", remote.remoteType());
    assertEquals("boom", remote.remoteMessage());
    assertEquals("com.example.BadThing: boom", remote.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void remoteFailureWithNonAsciiTypeAndMessage(Path path) {
    String type = "com.exämple.Fehler$Ünterklasse";
    String message = "ça a échoué ☹ 50% off, 𝄞\r\n\ttab, %41 stays literal";

    DuroException e = path.fail(fx.client, "fail", failRequest("remote", message, type));

    RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class, e);
    assertEquals(type, remote.remoteType());
    assertEquals(message, remote.remoteMessage());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void remoteFailureWithoutMessage(Path path) {
    DuroException e = path.fail(fx.client, "fail", failRequest("remote", null, "java.lang.Oops"));

    RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class, e);
    assertEquals("java.lang.Oops", remote.remoteType());
    assertNull(remote.remoteMessage());
    assertEquals("java.lang.Oops", remote.getMessage());
  }

  @Test
  void remoteFailureWithEmptyMessageIsNotNull() {
    DuroException e = Path.BLOCKING.fail(fx.client, "fail", failRequest("remote", "", "x.Y"));

    assertEquals("", assertInstanceOf(RemoteFailureException.class, e).remoteMessage());
  }

  @Test
  void longMessageIsCutButTheCallStillMaps() {
    String message = "é".repeat(5000);

    DuroException e =
        Path.BLOCKING.fail(fx.client, "fail", failRequest("remote", message, "x.Big"));

    RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class, e);
    assertEquals("x.Big", remote.remoteType());
    String got = remote.remoteMessage();
    assertTrue(got.endsWith("..."), got);
    assertEquals("é".repeat(512) + "...", got);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void nonDuroFailuresBecomeTransportExceptions(Path path) {
    DuroException runtime = path.fail(fx.client, "fail", failRequest("runtime", "bad state", null));
    assertEquals(TransportException.class, runtime.getClass());
    assertTrue(
        runtime.getMessage().contains("java.lang.IllegalStateException: bad state"),
        runtime.getMessage());

    DuroException plain = path.fail(fx.client, "fail", failRequest("duro", "plain", null));
    assertEquals(TransportException.class, plain.getClass());
    assertEquals("plain", plain.getMessage());

    DuroException thrown = path.fail(fx.client, "throw", new byte[0]);
    assertEquals(TransportException.class, thrown.getClass());
    assertTrue(thrown.getMessage().contains("invoker bug"), thrown.getMessage());
  }

  static Stream<Arguments> statusCodes() {
    return Stream.of(
        Arguments.of("remote", Status.Code.UNKNOWN, "remote-failure"),
        Arguments.of("invalid", Status.Code.INVALID_ARGUMENT, "invalid-request"),
        Arguments.of("codec", Status.Code.INVALID_ARGUMENT, "invalid-request"),
        Arguments.of("unknown", Status.Code.UNIMPLEMENTED, "unknown-method"),
        Arguments.of("overloaded", Status.Code.RESOURCE_EXHAUSTED, "overloaded"),
        Arguments.of("deadline", Status.Code.DEADLINE_EXCEEDED, "deadline-exceeded"),
        Arguments.of("cycle", Status.Code.FAILED_PRECONDITION, "call-cycle"),
        Arguments.of("transport", Status.Code.UNAVAILABLE, "transport"),
        Arguments.of("runtime", Status.Code.UNAVAILABLE, "transport"),
        Arguments.of("duro", Status.Code.UNAVAILABLE, "transport"));
  }

  /** What any gRPC client (grpcurl, Go, Python) sees. */
  @ParameterizedTest
  @MethodSource("statusCodes")
  void wireStatusAndTrailers(String kind, Status.Code code, String wireKind) {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                rawCall(
                    fx.channel,
                    "Counter/fail",
                    "x-duro-object-id",
                    ID.toString(),
                    failRequest(kind, "msg é", "a.B")));

    assertEquals(code, e.getStatus().getCode());
    assertEquals(wireKind, e.getTrailers().get(key("duro-error-kind")));
    if (kind.equals("remote")) {
      assertEquals("a.B: msg é", e.getStatus().getDescription());
      assertEquals("a.B", e.getTrailers().get(key("duro-error-type")));
      assertEquals("msg%20%C3%A9", e.getTrailers().get(key("duro-error-message")));
    } else {
      assertNull(e.getTrailers().get(key("duro-error-type")));
      assertTrue(e.getStatus().getDescription().contains("msg é"), e.getStatus().toString());
    }
  }

  /** Statuses made by gRPC or a server that is not a Duro host carry no kind: mapped by code. */
  @ParameterizedTest
  @MethodSource("bareCodes")
  void statusesWithoutKindMapByCode(Status.Code code, Class<? extends DuroException> expected)
      throws Exception {
    try (BareServer bare = new BareServer()) {
      DuroClient client = DuroClient.of(bare.channel);
      ObjectId id = NamespaceKey.of("Bare").idFromName("x");
      byte[] request = {(byte) code.value()};

      DuroException e =
          assertThrows(DuroException.class, () -> client.callBlocking("Bare", id, "m", request));

      assertEquals(expected, e.getClass());
      assertEquals("Call Bare/m failed: " + code + ": bare " + code, e.getMessage());
      assertEquals(
          code, assertInstanceOf(StatusRuntimeException.class, e.getCause()).getStatus().getCode());
      ExecutionException async =
          assertThrows(
              ExecutionException.class,
              () -> client.call("Bare", id, "m", request).get(10, TimeUnit.SECONDS));
      assertEquals(expected, async.getCause().getClass());
    }
  }

  static Stream<Arguments> bareCodes() {
    return Stream.of(
        Arguments.of(Status.Code.UNIMPLEMENTED, UnknownMethodException.class),
        Arguments.of(Status.Code.DEADLINE_EXCEEDED, DeadlineExceededException.class),
        Arguments.of(Status.Code.RESOURCE_EXHAUSTED, OverloadedException.class),
        Arguments.of(Status.Code.INVALID_ARGUMENT, InvalidRequestException.class),
        Arguments.of(Status.Code.UNAVAILABLE, TransportException.class),
        Arguments.of(Status.Code.UNKNOWN, TransportException.class),
        Arguments.of(Status.Code.INTERNAL, TransportException.class),
        Arguments.of(Status.Code.CANCELLED, TransportException.class),
        Arguments.of(Status.Code.FAILED_PRECONDITION, TransportException.class),
        Arguments.of(Status.Code.NOT_FOUND, TransportException.class));
  }

  @Test
  void unrecognisedKindTrailerFallsBackToTheCode() throws Exception {
    try (BareServer bare = new BareServer()) {
      DuroClient client = DuroClient.of(bare.channel);
      ObjectId id = NamespaceKey.of("Bare").idFromName("x");
      // Field value 0xff asks the bare server for a kind this client does not know.
      byte[] request = {(byte) Status.Code.RESOURCE_EXHAUSTED.value(), (byte) 0xff};

      DuroException e =
          assertThrows(DuroException.class, () -> client.callBlocking("Bare", id, "m", request));

      assertEquals(OverloadedException.class, e.getClass());
    }
  }

  @Test
  void clientDeadlineBecomesDeadlineExceededException() {
    Channel withDeadline =
        ClientInterceptors.intercept(
            fx.channel,
            new ClientInterceptor() {
              @Override
              public <Q, R> ClientCall<Q, R> interceptCall(
                  MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withDeadlineAfter(50, TimeUnit.MILLISECONDS));
              }
            });
    DuroClient client = DuroClient.of(withDeadline);

    assertThrows(
        DeadlineExceededException.class,
        () -> client.callBlocking("Counter", ID, "hang", new byte[0]));
    DuroException async =
        assertThrows(
            DuroException.class, () -> Calls.join(client.call("Counter", ID, "hang", new byte[0])));
    assertEquals(DeadlineExceededException.class, async.getClass());
  }

  static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  /** A plain gRPC call with one custom header, as a non-Java client would make it. */
  static byte[] rawCall(
      Channel channel, String fullMethod, String header, String value, byte[] request) {
    Metadata headers = new Metadata();
    if (header != null) {
      headers.put(key(header), value);
    }
    return ClientCalls.blockingUnaryCall(
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
        rawMethod(fullMethod),
        CallOptions.DEFAULT,
        request);
  }

  static MethodDescriptor<byte[], byte[]> rawMethod(String fullMethod) {
    MethodDescriptor.Marshaller<byte[]> bytes =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
          }

          @Override
          public byte[] parse(InputStream stream) {
            try {
              return stream.readAllBytes();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullMethod)
        .setRequestMarshaller(bytes)
        .setResponseMarshaller(bytes)
        .build();
  }
}
