package dev.duro.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ControllableStorageEngine;
import dev.duro.runtime.testing.RecordingSubscriber;
import dev.duro.runtime.testing.TestRoom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming methods: events follow their turn's commit, flow control, cancellation, endings. */
class StreamingTest {
  private static final String NS = TestRoom.NAMESPACE;
  private static final ObjectId ROOM = NamespaceKey.of(NS).idFromName("room");

  private final List<ObjectRuntime> runtimes = new ArrayList<>();
  private ControllableStorageEngine storage;
  private ObjectRuntime runtime;

  @BeforeEach
  void open() {
    TestRoom.CLOSED.clear();
    TestRoom.JOINS.set(0);
    runtime = open(b -> {});
  }

  @AfterEach
  void close() {
    runtimes.forEach(ObjectRuntime::close);
  }

  private ObjectRuntime open(Consumer<ObjectRuntime.Builder> config) {
    storage = new ControllableStorageEngine(StorageEngine.inMemory());
    ObjectRuntime.Builder b =
        ObjectRuntime.builder().bindings(List.of(new TestRoom.Binding())).storage(storage);
    config.accept(b);
    ObjectRuntime r = b.build();
    runtimes.add(r);
    return r;
  }

  private RecordingSubscriber<String> join(String name, long request) throws Exception {
    RecordingSubscriber<String> s = new RecordingSubscriber<>(request);
    dev.duro.binding.Streams.map(
            runtime.stream(NS, ROOM, "join", name.getBytes(UTF_8)),
            bytes -> new String(bytes, UTF_8))
        .subscribe(s);
    s.awaitSubscribed();
    // The subscribe turn has run once a later call of the object replied.
    call("open", "");
    return s;
  }

  private String call(String method, String arg) throws Exception {
    return new String(
        runtime.call(NS, ROOM, method, arg.getBytes(UTF_8)).get(10, TimeUnit.SECONDS), UTF_8);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void eventsReachEverySubscriberInOrder() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    RecordingSubscriber<String> bob = join("bob", Long.MAX_VALUE);
    assertEquals("2", call("post", "one"));
    assertEquals("2", call("post", "two"));
    assertEquals(List.of("one", "two"), ann.awaitCount(2));
    assertEquals(List.of("one", "two"), bob.awaitCount(2));
    assertEquals(2, runtime.openStreamCount());
    assertEquals(List.of(), ann.violations());
  }

  @Test
  void anEventIsDeliveredOnlyOnceItsTurnIsDurable() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    ControllableStorageEngine.Gate gate = storage.blockNextApply();
    CompletableFuture<byte[]> post = runtime.call(NS, ROOM, "post", "held".getBytes(UTF_8));
    gate.awaitEntered();
    Thread.sleep(100);
    assertEquals(List.of(), ann.values(), "event delivered before its commit was durable");
    assertFalse(post.isDone());
    gate.release();
    post.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("held"), ann.awaitCount(1));
  }

  @Test
  void eventsSentInTheJoinTurnFollowIt() throws Exception {
    RecordingSubscriber<String> ann = join("greet:ann", Long.MAX_VALUE);
    assertEquals(List.of("welcome"), ann.awaitCount(1));
  }

  @Test
  void aThrowingTurnSendsNothing() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    Throwable e = failure(runtime.call(NS, ROOM, "postThenFail", "lost".getBytes(UTF_8)));
    assertInstanceOf(RemoteFailureException.class, e);
    call("post", "kept");
    assertEquals(List.of("kept"), ann.awaitCount(1));
    Thread.sleep(50);
    assertEquals(List.of("kept"), ann.values());
    assertEquals(1, runtime.openStreamCount(), "the stream survives a throwing turn");
  }

  @Test
  void aRolledBackTransactionTakesItsSendsBack() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    assertEquals("1", call("postInFailedTransaction", "x"));
    call("post", "after");
    assertEquals(List.of("x!", "after"), ann.awaitCount(2));
    assertEquals("0", call("backlog", "ann"));
  }

  @Test
  void flowControlBuffersUpToCapacityThenSendRefuses() throws Exception {
    runtime = open(b -> b.streamBufferSize(3));
    RecordingSubscriber<String> slow = join("slow", 1);
    RecordingSubscriber<String> fast = join("fast", Long.MAX_VALUE);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      accepted.add(call("post", "e" + i));
    }
    // fast takes everything; slow took one and buffers three, then refuses.
    assertEquals(List.of("2", "2", "2", "2", "1", "1"), accepted);
    assertEquals(6, fast.awaitCount(6).size());
    assertEquals(List.of("e0"), slow.awaitCount(1));
    assertEquals("3", call("backlog", "slow"));
    slow.request(10);
    assertEquals(List.of("e0", "e1", "e2", "e3"), slow.awaitCount(4));
    assertEquals("0", call("backlog", "slow"));
    assertEquals("2", call("post", "e6"));
    assertEquals(List.of("e0", "e1", "e2", "e3", "e6"), slow.awaitCount(5));
    assertEquals(List.of(), slow.violations());
  }

  @Test
  void cancellingRunsTheCloseActionAsATurn() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    RecordingSubscriber<String> bob = join("bob", Long.MAX_VALUE);
    ann.cancel();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!TestRoom.CLOSED.contains("left:ann") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(List.of("left:ann"), TestRoom.CLOSED);
    assertEquals("1", call("post", "only bob"));
    assertEquals(List.of("only bob"), bob.awaitCount(1));
    assertEquals(List.of(), ann.values());
    assertEquals(1, runtime.openStreamCount());
  }

  @Test
  void completeAndFailEndStreamsAfterTheirEvents() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    call("post", "last");
    call("end", "");
    assertNull(ann.awaitTerminal());
    assertEquals(List.of("last"), ann.values());
    assertEquals(0, runtime.openStreamCount());
    assertEquals(List.of(), TestRoom.CLOSED, "the object ended it: no close action");

    RecordingSubscriber<String> bob = join("bob", Long.MAX_VALUE);
    call("failAll", "room closed");
    Throwable e = bob.awaitTerminal();
    RemoteFailureException r = assertInstanceOf(RemoteFailureException.class, e);
    assertEquals(IllegalStateException.class.getName(), r.remoteType());
    assertTrue(r.getMessage().contains("room closed"), r.getMessage());
    assertEquals("0", call("open", ""));
  }

  @Test
  void aThrowingSubscribeTurnFailsTheStream() throws Exception {
    RecordingSubscriber<String> bad = join("bad", Long.MAX_VALUE);
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, bad.awaitTerminal());
    assertTrue(e.getMessage().contains("bad member"), e.getMessage());
    assertEquals(0, runtime.openStreamCount());
  }

  @Test
  void unknownAndMalformedSubscriptionsFailAtOnce() throws Exception {
    RecordingSubscriber<String> s = new RecordingSubscriber<>(1);
    runtime.stream(NS, ROOM, "post", new byte[0]).subscribe(new Adapter(s));
    assertInstanceOf(UnknownMethodException.class, s.awaitTerminal());
    RecordingSubscriber<String> t = new RecordingSubscriber<>(1);
    runtime.stream("Nope", ROOM, "join", new byte[0]).subscribe(new Adapter(t));
    assertInstanceOf(UnknownMethodException.class, t.awaitTerminal());
    RecordingSubscriber<String> u = new RecordingSubscriber<>(1);
    ObjectId foreign = NamespaceKey.of("Other").idFromName("room");
    runtime.stream(NS, foreign, "join", new byte[0]).subscribe(new Adapter(u));
    assertInstanceOf(InvalidRequestException.class, u.awaitTerminal());
    // a unary call of a streaming method
    assertInstanceOf(
        UnknownMethodException.class, failure(runtime.call(NS, ROOM, "join", new byte[0])));
    assertEquals(0, TestRoom.JOINS.get());
  }

  @Test
  void sendingOutsideATurnFails() throws Exception {
    join("ann", Long.MAX_VALUE);
    String failure = call("sendFromOtherThread", "ann");
    assertTrue(failure.startsWith(IllegalStateException.class.getName()), failure);
    assertTrue(failure.contains("outside a turn"), failure);
  }

  @Test
  void alarmTurnsSendToo() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    runtime
        .runInObject(
            NS,
            ROOM,
            (o, ctx) -> {
              ctx.alarm().setIn(Duration.ofDays(1));
              return null;
            })
        .get(10, TimeUnit.SECONDS);
    assertTrue(runtime.fireAlarmNow(NS, ROOM).get(10, TimeUnit.SECONDS));
    assertEquals(List.of("tick"), ann.awaitCount(1));
  }

  @Test
  void aFailedCommitEndsTheStreamsOfTheResetObject() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    storage.failNextApplies(1);
    Throwable e = failure(runtime.call(NS, ROOM, "post", "lost".getBytes(UTF_8)));
    assertInstanceOf(TransportException.class, e);
    assertInstanceOf(TransportException.class, ann.awaitTerminal());
    assertEquals(List.of(), ann.values());
    assertEquals(0, runtime.openStreamCount());
    RecordingSubscriber<String> again = join("ann", Long.MAX_VALUE);
    assertEquals("1", call("post", "back"));
    assertEquals(List.of("back"), again.awaitCount(1));
  }

  @Test
  void anObjectWithAnOpenStreamIsNotEvicted() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    assertEquals(0, runtime.evictAll());
    assertFalse(runtime.evict(NS, ROOM));
    call("post", "still here");
    assertEquals(List.of("still here"), ann.awaitCount(1));
    ann.cancel();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!TestRoom.CLOSED.contains("left:ann") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // Once its close action turn has committed, the object can go.
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!runtime.evict(NS, ROOM)) {
      assertTrue(System.nanoTime() < deadline, "never evictable after its stream ended");
      Thread.sleep(5);
    }
  }

  @Test
  void closingTheRuntimeEndsStreams() throws Exception {
    RecordingSubscriber<String> ann = join("ann", Long.MAX_VALUE);
    runtime.close();
    TransportException e = assertInstanceOf(TransportException.class, ann.awaitTerminal());
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void aSubscriptionCancelledBeforeItsTurnNeverRuns() throws Exception {
    CountDownLatch inTurn = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    CompletableFuture<Object> blocker =
        runtime.runInObject(
            NS,
            ROOM,
            (o, ctx) -> {
              inTurn.countDown();
              try {
                letGo.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return null;
            });
    assertTrue(inTurn.await(10, TimeUnit.SECONDS));
    RecordingSubscriber<String> s = new RecordingSubscriber<>(Long.MAX_VALUE);
    runtime.stream(NS, ROOM, "join", "never".getBytes(UTF_8)).subscribe(new Adapter(s));
    s.awaitSubscribed();
    s.cancel();
    letGo.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    call("open", "");
    assertEquals(0, TestRoom.JOINS.get(), "a cancelled subscription's turn ran");
    assertEquals(0, runtime.openStreamCount());
  }

  @Test
  void manySubscribersAndPostersSeeOneOrder() throws Exception {
    int subscribers = 8;
    int posters = 8;
    int posts = 150;
    runtime = open(b -> b.streamBufferSize(posters * posts));
    List<RecordingSubscriber<String>> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      subs.add(join("m" + i, Long.MAX_VALUE));
    }
    ExecutorService pool = Executors.newFixedThreadPool(posters);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < posters; p++) {
        int poster = p;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < posts; i++) {
                    String accepted = call("post", poster + ":" + i);
                    if (!accepted.equals(Integer.toString(subscribers))) {
                      throw new AssertionError("post refused by some: " + accepted);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> first = subs.get(0).awaitCount(posters * posts);
    assertEquals(posters * posts, first.size());
    Map<String, Integer> lastSeq = new HashMap<>();
    for (String e : first) {
      String[] parts = e.split(":");
      int seq = Integer.parseInt(parts[1]);
      Integer prev = lastSeq.put(parts[0], seq);
      assertEquals(prev == null ? 0 : prev + 1, seq, "a poster's events out of order: " + e);
    }
    for (RecordingSubscriber<String> s : subs) {
      assertEquals(first, s.awaitCount(posters * posts), "subscribers saw different orders");
      assertEquals(List.of(), s.violations());
    }
  }

  /** Decodes bytes to strings for subscribers of the raw runtime publisher. */
  private static final class Adapter implements java.util.concurrent.Flow.Subscriber<byte[]> {
    private final RecordingSubscriber<String> target;

    Adapter(RecordingSubscriber<String> target) {
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
