package dev.duro.grpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.Streams;
import dev.duro.runtime.testing.RecordingSubscriber;
import dev.duro.runtime.testing.TestRoom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming methods over real HTTP/2 on loopback: fan-out, flow control, disconnects, errors. */
class StreamingOverGrpcTest {
  private static final String NS = TestRoom.NAMESPACE;
  private static final ObjectId ROOM = NamespaceKey.of(NS).idFromName("room");
  private static final int BUFFER = 8;

  @TempDir Path data;
  private DuroHost host;
  private DuroClient client;

  @BeforeEach
  void start() {
    TestRoom.CLOSED.clear();
    TestRoom.JOINS.set(0);
    host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(new TestRoom.Binding()))
            .configureRuntime(r -> r.streamBufferSize(BUFFER))
            .build()
            .start();
    client = DuroClient.connect("127.0.0.1:" + host.port());
  }

  @AfterEach
  void stop() {
    client.close();
    host.close();
  }

  private RecordingSubscriber<String> join(DuroClient via, String name, long request)
      throws Exception {
    // Read before subscribing: the join turn may run before awaitSubscribed returns.
    int before = TestRoom.JOINS.get();
    RecordingSubscriber<String> s = new RecordingSubscriber<>(request);
    Streams.map(via.stream(NS, ROOM, "join", name.getBytes(UTF_8)), b -> new String(b, UTF_8))
        .subscribe(s);
    s.awaitSubscribed();
    await(() -> TestRoom.JOINS.get() > before || s.error() != null, "join turn ran");
    // The join turn has committed once a later call of the object replied.
    call("open", "");
    return s;
  }

  private String call(String method, String arg) {
    return new String(client.callBlocking(NS, ROOM, method, arg.getBytes(UTF_8)), UTF_8);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void eventsFanOutToEverySubscriber() throws Exception {
    RecordingSubscriber<String> ann = join(client, "ann", Long.MAX_VALUE);
    RecordingSubscriber<String> bob = join(client, "bob", Long.MAX_VALUE);
    assertEquals("2", call("post", "hello"));
    assertEquals("2", call("post", "again"));
    assertEquals(List.of("hello", "again"), ann.awaitCount(2));
    assertEquals(List.of("hello", "again"), bob.awaitCount(2));
    call("end", "");
    assertNull(ann.awaitTerminal());
    assertNull(bob.awaitTerminal());
    assertEquals(List.of(), ann.violations());
  }

  @Test
  void aSlowSubscriberIsHeldBackByFlowControlAndTheObjectSeesItsBufferFill() throws Exception {
    RecordingSubscriber<String> slow = join(client, "slow", 1);
    RecordingSubscriber<String> fast = join(client, "fast", Long.MAX_VALUE);
    // Events large enough to fill HTTP/2 and gRPC buffers quickly: 64 KiB each.
    String big = "x".repeat(64 * 1024);
    List<Integer> acceptedBySlow = new ArrayList<>();
    int posts = 0;
    while (posts < 400) {
      String accepted = call("post", posts + ":" + big);
      posts++;
      acceptedBySlow.add(accepted.equals("2") ? 1 : 0);
      if (accepted.equals("1")) {
        break;
      }
    }
    assertTrue(posts < 400, "the slow subscriber's buffer never filled: flow control is missing");
    int queuedForSlow = acceptedBySlow.stream().mapToInt(Integer::intValue).sum();
    assertEquals(posts, fast.awaitCount(posts).size(), "the fast subscriber got everything");
    assertEquals(1, slow.awaitCount(1).size());
    Thread.sleep(100);
    assertEquals(1, slow.values().size(), "events sent beyond the subscriber's demand");
    // Now drain the slow one: it gets exactly what the object accepted for it, in order.
    slow.request(Long.MAX_VALUE - 1);
    List<String> got = slow.awaitCount(queuedForSlow);
    Thread.sleep(100);
    got = slow.values();
    assertEquals(queuedForSlow, got.size());
    for (int i = 0; i < got.size(); i++) {
      assertTrue(got.get(i).startsWith(i + ":"), "gap or reorder at " + i);
    }
    assertEquals(List.of(), slow.violations());
  }

  @Test
  void aCancellingSubscriberIsSeenByTheObject() throws Exception {
    RecordingSubscriber<String> ann = join(client, "ann", Long.MAX_VALUE);
    RecordingSubscriber<String> bob = join(client, "bob", Long.MAX_VALUE);
    ann.cancel();
    await(() -> TestRoom.CLOSED.contains("left:ann"), "the object's close action for ann");
    assertEquals("1", call("post", "only bob"));
    assertEquals(List.of("only bob"), bob.awaitCount(1));
    assertEquals(1, host.runtime().openStreamCount());
  }

  @Test
  void aDisconnectingClientIsSeenByTheObject() throws Exception {
    DuroClient other = DuroClient.connect("127.0.0.1:" + host.port());
    join(other, "gone", Long.MAX_VALUE);
    RecordingSubscriber<String> stays = join(client, "stays", Long.MAX_VALUE);
    other.close();
    await(
        () -> TestRoom.CLOSED.contains("left:gone"), "the object's close action after disconnect");
    assertEquals("1", call("post", "after"));
    assertEquals(List.of("after"), stays.awaitCount(1));
  }

  @Test
  void failuresArriveAsDuroExceptions() throws Exception {
    RecordingSubscriber<String> bad = join(client, "bad", Long.MAX_VALUE);
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, bad.awaitTerminal());
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());

    RecordingSubscriber<String> unknown = new RecordingSubscriber<>(1);
    client.stream(NS, ROOM, "nope", new byte[0]).subscribe(new Decoder(unknown));
    assertInstanceOf(UnknownMethodException.class, unknown.awaitTerminal());

    RecordingSubscriber<String> failed = join(client, "ann", Long.MAX_VALUE);
    call("failAll", "closing time");
    RemoteFailureException f =
        assertInstanceOf(RemoteFailureException.class, failed.awaitTerminal());
    assertTrue(f.getMessage().contains("closing time"), f.getMessage());
  }

  @Test
  void hostShutdownEndsStreams() throws Exception {
    RecordingSubscriber<String> ann = join(client, "ann", Long.MAX_VALUE);
    host.close();
    assertInstanceOf(TransportException.class, ann.awaitTerminal());
  }

  @Test
  void closingTheClientEndsItsSubscriptions() throws Exception {
    DuroClient other = DuroClient.connect("127.0.0.1:" + host.port());
    RecordingSubscriber<String> ann = join(other, "ann", Long.MAX_VALUE);
    other.close();
    TransportException e = assertInstanceOf(TransportException.class, ann.awaitTerminal());
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    await(() -> TestRoom.CLOSED.contains("left:ann"), "the object saw the client go");
  }

  /** Decodes raw events for a string subscriber. */
  private static final class Decoder implements java.util.concurrent.Flow.Subscriber<byte[]> {
    private final RecordingSubscriber<String> target;

    Decoder(RecordingSubscriber<String> target) {
      this.target = target;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      target.onSubscribe(s);
    }

    @Override
    public void onNext(byte[] item) {
      target.onNext(new String(item, UTF_8));
    }

    @Override
    public void onError(Throwable t) {
      target.onError(t);
    }

    @Override
    public void onComplete() {
      target.onComplete();
    }
  }
}
