package dev.duro.grpc;

import static dev.duro.grpc.ErrorMappingTest.key;
import static dev.duro.grpc.ErrorMappingTest.rawCall;
import static dev.duro.grpc.ErrorMappingTest.rawMethod;
import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The object address headers as any gRPC client sends them, and how bad ones are refused. */
class ObjectAddressTest {
  private static final NamespaceKey COUNTER = NamespaceKey.of("Counter");

  private InProcessFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new InProcessFixture();
  }

  @AfterEach
  void stop() throws Exception {
    // No test here may have reached the object unless it says so.
    fx.close();
  }

  @Test
  void hexAndPlainNameHeadersAddressTheSameObject() {
    ObjectId id = COUNTER.idFromName("alice");

    rawCall(fx.channel, "Counter/increment", "x-duro-object-name", "alice", longRequest(1));
    rawCall(fx.channel, "Counter/increment", "x-duro-object-id", id.toString(), longRequest(2));
    byte[] reply =
        rawCall(
            fx.channel,
            "Counter/get",
            "x-duro-object-id",
            id.toString().toUpperCase(),
            new byte[0]);

    assertEquals(3, readLong(reply));
    assertEquals(Optional.of("alice"), fx.invoker.ids.get(0).name());
  }

  @Test
  void percentEncodedNameIsDecoded() {
    rawCall(
        fx.channel, "Counter/increment", "x-duro-object-name", "caf%C3%A9%2050%25", longRequest(1));
    rawCall(
        fx.channel, "Counter/increment", "x-duro-object-name", "caf%c3%a9 50%25", longRequest(1));

    assertEquals(Optional.of("café 50%"), fx.invoker.ids.get(0).name());
    assertEquals(2, fx.invoker.count("Counter", COUNTER.idFromName("café 50%")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x-duro-object-id | abc | must be 64 hex digits, got 3 characters",
        "x-duro-object-id | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg"
            + " | found 'g' at index 63",
        "x-duro-object-name | 50%off | invalid percent-encoding at index 2",
        "x-duro-object-name | abc% | invalid percent-encoding at index 3",
        "x-duro-object-name | %C3 | not valid UTF-8",
      })
  void malformedHeaderIsInvalidArgumentAndNotRun(String header, String value, String expected) {
    assertInvalid(() -> rawCall(fx.channel, "Counter/get", header, value, new byte[0]), expected);
  }

  @Test
  void missingAddressIsInvalidArgument() {
    assertInvalid(
        () -> rawCall(fx.channel, "Counter/get", null, null, new byte[0]),
        "Missing object address: send header x-duro-object-id (64 hex digits) or"
            + " x-duro-object-name");
  }

  @Test
  void bothHeadersAreInvalidArgument() {
    Metadata headers = new Metadata();
    headers.put(key("x-duro-object-id"), COUNTER.idFromName("a").toString());
    headers.put(key("x-duro-object-name"), "a");

    assertInvalid(() -> call(headers), "send either x-duro-object-id or x-duro-object-name");
  }

  @Test
  void repeatedHeaderIsInvalidArgument() {
    Metadata headers = new Metadata();
    headers.put(key("x-duro-object-name"), "a");
    headers.put(key("x-duro-object-name"), "b");

    assertInvalid(() -> call(headers), "Header x-duro-object-name must be sent once");
  }

  @Test
  void idOfAnotherNamespaceIsInvalidArgument() {
    ObjectId cart = NamespaceKey.of("shop.Cart").idFromName("a");

    assertInvalid(
        () -> rawCall(fx.channel, "Counter/get", "x-duro-object-id", cart.toString(), new byte[0]),
        "Object id " + cart + " is not valid for namespace Counter");
  }

  @Test
  void alteredIdIsInvalidArgument() {
    char[] hex = COUNTER.idFromName("a").toString().toCharArray();
    hex[0] = hex[0] == '0' ? '1' : '0';

    assertInvalid(
        () -> rawCall(fx.channel, "Counter/get", "x-duro-object-id", new String(hex), new byte[0]),
        "is not valid for namespace Counter");
  }

  private byte[] call(Metadata headers) {
    return ClientCalls.blockingUnaryCall(
        ClientInterceptors.intercept(
            fx.channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
        rawMethod("Counter/get"),
        CallOptions.DEFAULT,
        new byte[0]);
  }

  private void assertInvalid(Runnable call, String expectedDescription) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);

    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(
        e.getStatus().getDescription().contains(expectedDescription),
        e.getStatus().getDescription());
    assertEquals("invalid-request", e.getTrailers().get(key("duro-error-kind")));
    assertEquals(0, fx.invoker.calls.get(), "the invoker must not be called");
  }
}
