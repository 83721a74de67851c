package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuroClientTest {
  private static final NamespaceKey COUNTER = NamespaceKey.of("Counter");
  private static final NamespaceKey CART = NamespaceKey.of("shop.Cart");

  private InProcessFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new InProcessFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void blockingAndAsyncCallsReachTheSameObject() throws Exception {
    ObjectId id = COUNTER.idFromName("a");

    assertEquals(2, readLong(fx.client.callBlocking("Counter", id, "increment", longRequest(2))));
    byte[] async = fx.client.call("Counter", id, "increment", longRequest(3)).get(10, SECONDS);
    assertEquals(5, readLong(async));
    assertEquals(5, readLong(fx.client.callBlocking("Counter", id, "get", new byte[0])));
    assertEquals(5, fx.invoker.count("Counter", id));
    assertEquals(0, fx.invoker.count("shop.Cart", CART.idFromName("a")));
  }

  @Test
  void bytesArriveAndReturnUnchanged() throws Exception {
    ObjectId id = COUNTER.newUniqueId();
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    byte[] large = new byte[1 << 20];
    new java.util.Random(1).nextBytes(large);

    for (byte[] payload : List.of(new byte[0], all, large)) {
      assertArrayEquals(payload, fx.client.callBlocking("Counter", id, "echo", payload));
      assertArrayEquals(payload, fx.client.call("Counter", id, "echo", payload).get(10, SECONDS));
    }
  }

  @Test
  void idByNameAndByHexAddressTheSameObject() {
    ObjectId byName = COUNTER.idFromName("global");
    ObjectId byHex = ObjectId.parseHex(byName.toString());
    ObjectId byUpperHex = ObjectId.parseHex(byName.toString().toUpperCase());

    fx.client.callBlocking("Counter", byName, "increment", longRequest(1));
    fx.client.callBlocking("Counter", byHex, "increment", longRequest(10));
    fx.client.callBlocking("Counter", byUpperHex, "increment", longRequest(100));

    assertEquals(111, fx.invoker.count("Counter", byName));
    // The host saw the name only for the call sent by name.
    assertEquals(byName, fx.invoker.ids.get(0));
    assertEquals(Optional.of("global"), fx.invoker.ids.get(0).name());
    assertEquals(byName, fx.invoker.ids.get(1));
    assertEquals(Optional.empty(), fx.invoker.ids.get(1).name());
  }

  @Test
  void namesOutsidePlainAsciiArriveExactly() {
    List<String> names =
        List.of("café ☕ 50%", "", " spaced ", "a/b?c=d&e", "%41", "tab\there", "𝄞 emoji 🙂", "日本");
    long by = 1;
    for (String name : names) {
      fx.client.callBlocking("Counter", COUNTER.idFromName(name), "increment", longRequest(by++));
    }

    for (int i = 0; i < names.size(); i++) {
      ObjectId seen = fx.invoker.ids.get(i);
      assertEquals(Optional.of(names.get(i)), seen.name(), "name " + i);
      assertEquals(COUNTER.idFromName(names.get(i)), seen);
      assertEquals(i + 1, fx.invoker.count("Counter", seen));
    }
  }

  @Test
  void unknownMethodOrNamespaceFailsWithUnknownMethodException() {
    ObjectId id = COUNTER.idFromName("a");

    UnknownMethodException method =
        assertThrows(
            UnknownMethodException.class,
            () -> fx.client.callBlocking("Counter", id, "nope", new byte[0]));
    assertTrue(method.getMessage().contains("Counter/nope"), method.getMessage());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () -> fx.client.call("Counter", id, "nope", new byte[0]).get(10, SECONDS));
    assertInstanceOf(UnknownMethodException.class, async.getCause());
    ObjectId other = NamespaceKey.of("Nope").idFromName("a");
    assertThrows(
        UnknownMethodException.class,
        () -> fx.client.callBlocking("Nope", other, "get", new byte[0]));

    assertEquals(0, fx.invoker.calls.get());
  }

  @Test
  void idOfAnotherNamespaceIsRejectedAndNotRun() {
    ObjectId cartId = CART.idFromName("a"); // remembers its name, but was made by shop.Cart

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> fx.client.callBlocking("Counter", cartId, "increment", longRequest(1)));
    assertTrue(e.getMessage().contains("not valid for namespace Counter"), e.getMessage());
    InvalidRequestException unnamed =
        assertThrows(
            InvalidRequestException.class,
            () ->
                fx.client.callBlocking(
                    "Counter", ObjectId.parseHex(cartId.toString()), "get", new byte[0]));
    assertTrue(unnamed.getMessage().contains("not valid for namespace Counter"));

    assertEquals(0, fx.invoker.calls.get());
  }

  @Test
  void closedClientFailsCallsButLeavesTheCallersChannelOpen() throws Exception {
    ObjectId id = COUNTER.idFromName("a");
    fx.client.close();
    fx.client.close(); // idempotent

    TransportException blocking =
        assertThrows(
            TransportException.class,
            () -> fx.client.callBlocking("Counter", id, "get", new byte[0]));
    assertTrue(blocking.getMessage().contains("closed"), blocking.getMessage());
    CompletableFuture<byte[]> async = fx.client.call("Counter", id, "get", new byte[0]);
    ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(10, SECONDS));
    assertInstanceOf(TransportException.class, e.getCause());
    assertEquals(0, fx.invoker.calls.get());

    // of(channel) does not own the channel: another client on it still works.
    DuroClient again = DuroClient.of(fx.channel);
    assertEquals(0, readLong(again.callBlocking("Counter", id, "get", new byte[0])));
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    CompletableFuture<byte[]> reply =
        fx.client.call("Counter", COUNTER.idFromName("a"), "hang", new byte[0]);

    assertTrue(reply.cancel(true));

    assertTrue(fx.invoker.cancelled.await(10, SECONDS), "server call was not cancelled");
    assertTrue(reply.isCancelled());
  }

  @Test
  void interruptedBlockingCallIsCancelledAndKeepsTheFlag() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Boolean> flag = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                fx.client.callBlocking("Counter", COUNTER.idFromName("a"), "hang", new byte[0]);
                failure.complete(null);
              } catch (RuntimeException e) {
                failure.complete(e);
              }
              flag.complete(Thread.currentThread().isInterrupted());
            });
    caller.start();
    // The call is in the invoker (so the caller is waiting) once the invoker counted it.
    while (fx.invoker.calls.get() == 0) {
      Thread.sleep(1);
    }
    caller.interrupt();

    assertInstanceOf(TransportException.class, failure.get(10, SECONDS));
    assertTrue(flag.get(10, SECONDS));
    assertTrue(fx.invoker.cancelled.await(10, SECONDS), "server call was not cancelled");
    caller.join();
  }

  @Test
  void nullArgumentsAreRejectedAtOnce() {
    ObjectId id = COUNTER.idFromName("a");
    assertThrows(NullPointerException.class, () -> fx.client.call(null, id, "get", new byte[0]));
    assertThrows(
        NullPointerException.class, () -> fx.client.call("Counter", null, "get", new byte[0]));
    assertThrows(
        NullPointerException.class, () -> fx.client.callBlocking("Counter", id, null, new byte[0]));
    assertThrows(NullPointerException.class, () -> fx.client.call("Counter", id, "get", null));
    assertThrows(NullPointerException.class, () -> DuroClient.of(null));
  }

  private static final TimeUnit SECONDS = TimeUnit.SECONDS;
}
