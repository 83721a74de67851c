package dev.duro.binding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Calls#withTimeout}: each call is sent under the calling thread's context with the deadline
 * added (the earlier one wins), fixed when it is sent, and the thread's context is restored
 * afterwards.
 */
class CallsWithTimeoutTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("a");
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** Records the context each call was sent under. */
  private final Recording recording = new Recording();

  @AfterEach
  void noContextLeaks() {
    assertSame(CallContext.none(), CallContext.current());
  }

  @Test
  void everyKindOfCallCarriesTheDeadline() {
    Invoker invoker = Calls.withTimeout(recording, Duration.ofSeconds(5));
    invoker.call("Counter", ID, "get", new byte[0]);
    invoker.callBlocking("Counter", ID, "get", new byte[0]);
    invoker.stream("Counter", ID, "watch", new byte[0]).subscribe(new Ignoring());
    assertEquals(List.of("call", "callBlocking", "stream"), recording.kinds);
    for (CallContext c : recording.contexts) {
      assertTrue(c.hasDeadline());
      long remaining = c.remainingNanos();
      assertTrue(remaining > 4 * SECOND && remaining <= 5 * SECOND, "remaining " + remaining);
    }
  }

  @Test
  void theEarlierDeadlineWinsAndTheChainIsKept() {
    Invoker tenSeconds = Calls.withTimeout(recording, Duration.ofSeconds(10));
    CallContext caller = CallContext.of(List.of("Greeter/x")).withTimeout(Duration.ofSeconds(1));
    caller.run(() -> tenSeconds.callBlocking("Counter", ID, "get", new byte[0]));
    CallContext seen = recording.contexts.get(0);
    assertEquals(List.of("Greeter/x"), seen.chain());
    assertEquals(caller.deadlineNanoTime(), seen.deadlineNanoTime(), "the caller's, earlier");

    Invoker oneSecond = Calls.withTimeout(recording, Duration.ofSeconds(1));
    CallContext.none()
        .withTimeout(Duration.ofSeconds(30))
        .run(() -> oneSecond.callBlocking("Counter", ID, "get", new byte[0]));
    assertTrue(recording.contexts.get(1).remainingNanos() <= SECOND);
  }

  @Test
  void aSecondTimeoutReplacesTheFirstInsteadOfStacking() {
    Invoker first = Calls.withTimeout(recording, Duration.ofSeconds(1));
    Invoker second = Calls.withTimeout(first, Duration.ofSeconds(60));
    second.callBlocking("Counter", ID, "get", new byte[0]);
    assertTrue(recording.contexts.get(0).remainingNanos() > 59 * SECOND);
    assertEquals(1, recording.kinds.size(), "one delegate call: the wrapper was unwrapped");
  }

  @Test
  void aStreamsDeadlineIsFixedWhenEachSubscriberSubscribes() {
    Invoker invoker = Calls.withTimeout(recording, Duration.ofSeconds(5));
    Flow.Publisher<byte[]> publisher = invoker.stream("Counter", ID, "watch", new byte[] {1});
    assertEquals(List.of(), recording.kinds, "nothing is sent before a subscription");
    CallContext.none()
        .withTimeout(Duration.ofMillis(100))
        .run(() -> publisher.subscribe(new Ignoring()));
    publisher.subscribe(new Ignoring());
    assertTrue(recording.contexts.get(0).remainingNanos() <= TimeUnit.MILLISECONDS.toNanos(100));
    assertTrue(recording.contexts.get(1).remainingNanos() > 4 * SECOND);
  }

  @Test
  void theContextIsRestoredWhenTheDelegateThrows() {
    Invoker failing =
        Calls.withTimeout(
            new Invoker() {
              @Override
              public CompletableFuture<byte[]> call(
                  String namespace, ObjectId id, String method, byte[] request) {
                throw new TransportException("down");
              }
            },
            Duration.ofSeconds(1));
    assertThrows(
        TransportException.class, () -> failing.callBlocking("Counter", ID, "get", new byte[0]));
    assertFalse(CallContext.current().hasDeadline());
  }

  @Test
  void timeoutsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Calls.withTimeout(recording, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> Calls.withTimeout(recording, Duration.ofNanos(-1)));
    assertThrows(NullPointerException.class, () -> Calls.withTimeout(recording, null));
    assertThrows(NullPointerException.class, () -> Calls.withTimeout(null, Duration.ofSeconds(1)));
  }

  /** Threads share one wrapper; each call sees its own thread's context, never another's. */
  @Test
  void concurrentCallersEachSeeTheirOwnContext() throws Exception {
    Invoker invoker = Calls.withTimeout(recording, Duration.ofSeconds(20));
    int threads = 8;
    int calls = 500;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger wrong = new AtomicInteger();
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String caller = "Caller/" + t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                CallContext mine = CallContext.of(List.of(caller));
                for (int i = 0; i < calls; i++) {
                  byte[] seen =
                      mine.call(() -> invoker.callBlocking("Counter", ID, "chain", new byte[0]));
                  if (!new String(seen, UTF_8).equals(caller)) {
                    wrong.incrementAndGet();
                  }
                  if (CallContext.current().hasDeadline()) {
                    wrong.incrementAndGet(); // the wrapper's context leaked onto this thread
                  }
                }
              });
      thread.start();
      all.add(thread);
    }
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(0, wrong.get());
    assertEquals(threads * calls, recording.count.get());
  }

  /** An invoker that records the context of every call and replies with the caller chain. */
  private static final class Recording implements Invoker {
    final List<String> kinds = new ArrayList<>();
    final List<CallContext> contexts = new ArrayList<>();
    final AtomicInteger count = new AtomicInteger();

    private synchronized void record(String kind) {
      CallContext c = CallContext.current();
      if (!c.hasDeadline()) {
        throw new AssertionError(kind + " sent without a deadline");
      }
      kinds.add(kind);
      contexts.add(c);
    }

    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      record("call");
      return CompletableFuture.completedFuture(new byte[0]);
    }

    @Override
    public byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
      if (method.equals("chain")) {
        count.incrementAndGet();
        CallContext c = CallContext.current();
        String chain = c.hasDeadline() ? String.join(",", c.chain()) : "no deadline";
        return chain.getBytes(UTF_8);
      }
      record("callBlocking");
      return new byte[0];
    }

    @Override
    public Flow.Publisher<byte[]> stream(
        String namespace, ObjectId id, String method, byte[] request) {
      // Recorded at subscription, as a real invoker reads the context when it sends.
      return subscriber -> record("stream");
    }
  }

  private static final class Ignoring implements Flow.Subscriber<byte[]> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {}

    @Override
    public void onNext(byte[] item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
