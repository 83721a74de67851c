package dev.duro.grpc;

import static dev.duro.grpc.ErrorMappingTest.key;
import static dev.duro.grpc.ErrorMappingTest.rawMethod;
import static dev.duro.grpc.FakeInvoker.longRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unary method takes exactly one request message, as grpc-java's own unary handlers do; a client
 * breaking that (possible with a raw call, or another language's low-level API) is refused with
 * {@code INTERNAL} and nothing runs.
 */
class UnaryCallRulesTest {
  private InProcessFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new InProcessFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  /** Sends {@code messages} on one raw unary call, half-closes, and returns how it closed. */
  private Status call(List<byte[]> messages) throws Exception {
    ClientCall<byte[], byte[]> call =
        fx.channel.newCall(rawMethod("Counter/increment"), CallOptions.DEFAULT);
    CompletableFuture<Status> closed = new CompletableFuture<>();
    Metadata headers = new Metadata();
    headers.put(key("x-duro-object-name"), "alice");
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.complete(status);
          }
        },
        headers);
    call.request(2);
    for (byte[] m : messages) {
      call.sendMessage(m);
    }
    call.halfClose();
    return closed.get(20, TimeUnit.SECONDS);
  }

  @Test
  void twoRequestMessagesAreRefusedAndNothingRuns() throws Exception {
    Status s = call(List.of(longRequest(1), longRequest(2)));
    assertEquals(Status.Code.INTERNAL, s.getCode(), s.toString());
    assertTrue(s.getDescription().contains("Too many requests"), s.getDescription());
    assertEquals(List.of(), fx.invoker.ids, "the invoker was not called");
  }

  @Test
  void noRequestMessageIsRefusedAndNothingRuns() throws Exception {
    Status s = call(List.of());
    assertEquals(Status.Code.INTERNAL, s.getCode(), s.toString());
    assertTrue(s.getDescription().contains("Half-closed without a request"), s.getDescription());
    assertEquals(List.of(), fx.invoker.ids, "the invoker was not called");
  }

  @Test
  void oneRequestMessageRuns() throws Exception {
    Status s = call(List.of(longRequest(5)));
    assertEquals(Status.Code.OK, s.getCode(), s.toString());
    assertEquals(1, fx.invoker.ids.size());
  }
}
