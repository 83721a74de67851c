package dev.duro.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ScriptedBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls between objects (cycles, deadlines, pool starvation), the activation cap, slow turns and
 * shutdown, on scripted objects.
 */
class CallsAndLimitsTest {
  private static final String NS = "X";
  private static final NamespaceKey KEY = NamespaceKey.of(NS);

  private final ScriptedBinding binding = new ScriptedBinding(NS);
  private final List<ObjectRuntime> runtimes = new ArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(ObjectRuntime::close);
  }

  private ObjectRuntime open(Consumer<ObjectRuntime.Builder> config) {
    ObjectRuntime.Builder b =
        ObjectRuntime.builder().bindings(List.of(binding)).storage(StorageEngine.inMemory());
    config.accept(b);
    ObjectRuntime r = b.build();
    runtimes.add(r);
    return r;
  }

  private static ObjectId id(String name) {
    return KEY.idFromName(name);
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, UTF_8);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
    return e.getCause();
  }

  /**
   * Method "hop": the request is a space-separated list of object names; the object calls the first
   * with the rest (blocking), and returns its own name followed by the callee's reply.
   */
  private void installHop() {
    binding.on(
        "hop",
        (ctx, req) -> {
          String rest = s(req).trim();
          String me = ctx.id().name().orElseThrow();
          if (rest.isEmpty()) {
            return b(me);
          }
          int sp = rest.indexOf(' ');
          String next = sp < 0 ? rest : rest.substring(0, sp);
          String tail = sp < 0 ? "" : rest.substring(sp + 1);
          Invoker invoker = ctx.namespace(i -> i);
          return b(me + ">" + s(invoker.callBlocking(NS, id(next), "hop", b(tail))));
        });
  }

  @Test
  void objectsCallEachOtherThroughTheirContext() throws Exception {
    installHop();
    ObjectRuntime r = open(b -> {});
    assertEquals("a>b>c", s(r.call(NS, id("a"), "hop", b("b c")).get(30, TimeUnit.SECONDS)));
  }

  @Test
  void aCallCycleFailsFastNamingTheCycle() {
    installHop();
    ObjectRuntime r = open(b -> {});
    for (String path : List.of("a", "b a", "b c a", "b c b")) {
      Throwable t = failure(r.call(NS, id("a"), "hop", b(path)));
      // The innermost caller sees the cycle; each outer turn rethrows it as its own failure.
      Throwable cause = t;
      while (cause instanceof RemoteFailureException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      CallCycleException cycle = assertInstanceOf(CallCycleException.class, cause, path);
      // "b c a" closes a -> b -> c -> a; "b c b" closes b -> c -> b.
      String[] names = path.endsWith("a") ? ("a " + path).split(" ") : new String[] {"b", "c", "b"};
      List<String> refs = new ArrayList<>();
      for (String n : names) {
        refs.add(CallContext.reference(NS, id(n)));
      }
      assertTrue(
          cycle.getMessage().contains("call cycle " + String.join(" -> ", refs) + ":"),
          cycle.getMessage());
    }
  }

  @Test
  void manyMoreBlockingChainsThanPoolThreadsComplete() throws Exception {
    installHop();
    ObjectRuntime r = open(b -> {});
    int chains = Math.max(64, Runtime.getRuntime().availableProcessors() * 16);
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    for (int i = 0; i < chains; i++) {
      replies.add(r.call(NS, id("a" + i), "hop", b("b" + i + " c" + i)));
    }
    for (int i = 0; i < chains; i++) {
      // A starved pool would hang here; the bound only turns a hang into a failure.
      assertEquals("a" + i + ">b" + i + ">c" + i, s(replies.get(i).get(60, TimeUnit.SECONDS)));
    }
  }

  @Test
  void aCallWhoseDeadlinePassedWhileQueuedIsNotRun() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    binding.on("block", ScriptedBinding.blocking(entered, release));
    binding.on(
        "count",
        (ctx, req) -> {
          ran.incrementAndGet();
          return new byte[0];
        });
    ObjectRuntime r = open(b -> {});
    CompletableFuture<byte[]> blocker = r.call(NS, id("o"), "block", new byte[0]);
    assertTrue(entered.await(30, TimeUnit.SECONDS));
    CompletableFuture<byte[]> late =
        r.call(
            NS,
            id("o"),
            "count",
            new byte[0],
            CallContext.none().withTimeout(Duration.ofMillis(50)));
    assertInstanceOf(DeadlineExceededException.class, failure(late));
    release.countDown();
    blocker.get(30, TimeUnit.SECONDS);
    // A later call on the same object runs after the expired one would have: it was skipped.
    r.call(NS, id("o"), "count", new byte[0]).get(30, TimeUnit.SECONDS);
    assertEquals(1, ran.get());
    // An already expired deadline fails before anything is queued.
    assertInstanceOf(
        DeadlineExceededException.class,
        failure(
            r.call(
                NS, id("o"), "count", new byte[0], CallContext.none().withTimeout(Duration.ZERO))));
    assertEquals(1, ran.get());
  }

  @Test
  void theDeadlineAndChainPropagateToCallees() throws Exception {
    AtomicReference<CallContext> seen = new AtomicReference<>();
    binding.on(
        "callee",
        (ctx, req) -> {
          seen.set(CallContext.current());
          return new byte[0];
        });
    binding.on(
        "caller",
        (ctx, req) -> ctx.namespace(i -> i).callBlocking(NS, id("b"), "callee", new byte[0]));
    ObjectRuntime r = open(b -> {});
    CallContext outer = CallContext.none().withTimeout(Duration.ofMinutes(5));
    r.call(NS, id("a"), "caller", new byte[0], outer).get(30, TimeUnit.SECONDS);
    CallContext inner = seen.get();
    assertEquals(
        List.of(CallContext.reference(NS, id("a")), CallContext.reference(NS, id("b"))),
        inner.chain());
    assertTrue(inner.hasDeadline());
    assertEquals(outer.deadlineNanoTime(), inner.deadlineNanoTime());
    // Outside a turn the thread has no context.
    assertTrue(CallContext.current().chain().isEmpty());
  }

  @Test
  void theActivationCapEvictsLeastRecentlyUsedIdleObjects() throws Exception {
    binding.on("touch", (ctx, req) -> new byte[0]);
    int cap = 20;
    ObjectRuntime r = open(b -> b.maxActiveObjects(cap).turnExecutor(Runnable::run));
    for (int i = 0; i < cap; i++) {
      r.call(NS, id("o" + i), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
    }
    // o0 becomes the most recently used; o1 and o2 are the least.
    r.call(NS, id("o0"), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
    r.call(NS, id("new"), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
    assertTrue(r.objectCount() <= cap, "count " + r.objectCount());
    assertTrue(r.capacityEvictionCount() >= 2);
    for (String evicted : List.of("o1", "o2")) {
      r.call(NS, id(evicted), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
      assertEquals(2, binding.activations(id(evicted).toString()), evicted);
    }
    for (String kept : List.of("o0", "o19", "new")) {
      r.call(NS, id(kept), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
      assertEquals(1, binding.activations(id(kept).toString()), kept);
    }
    for (int i = 0; i < 2000; i++) {
      r.call(NS, id("many" + i), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
      assertTrue(r.objectCount() <= cap, "count " + r.objectCount() + " after " + i);
    }
  }

  @Test
  void theActivationCapNeverEvictsAnObjectInATurn() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    binding.on(
        "block",
        (ctx, req) -> {
          entered.countDown();
          release.await();
          ctx.storage().put("k", b("v"));
          return new byte[0];
        });
    binding.on("touch", (ctx, req) -> new byte[0]);
    binding.on("read", (ctx, req) -> ctx.storage().get("k"));
    ObjectRuntime r = open(b -> b.maxActiveObjects(5));
    CompletableFuture<byte[]> blocked = r.call(NS, id("busy"), "block", new byte[0]);
    assertTrue(entered.await(30, TimeUnit.SECONDS));
    for (int i = 0; i < 200; i++) {
      r.call(NS, id("t" + i), "touch", new byte[0]).get(30, TimeUnit.SECONDS);
    }
    release.countDown();
    blocked.get(30, TimeUnit.SECONDS);
    assertEquals("v", s(r.call(NS, id("busy"), "read", new byte[0]).get(30, TimeUnit.SECONDS)));
    assertEquals(1, binding.activations(id("busy").toString()), "busy was evicted mid-turn");
  }

  @Test
  void aTurnRunningPastTheThresholdIsCounted() throws Exception {
    binding.on(
        "slow",
        (ctx, req) -> {
          Thread.sleep(30);
          return new byte[0];
        });
    binding.on("fast", (ctx, req) -> new byte[0]);
    ObjectRuntime r = open(b -> b.slowTurnThreshold(Duration.ofMillis(5)));
    r.call(NS, id("o"), "fast", new byte[0]).get(30, TimeUnit.SECONDS);
    assertEquals(0, r.slowTurnCount());
    r.call(NS, id("o"), "slow", new byte[0]).get(30, TimeUnit.SECONDS);
    assertEquals(1, r.slowTurnCount());
  }

  @Test
  void closeFinishesRunningAndQueuedTurnsOfManyObjectsThenRejects() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger done = new AtomicInteger();
    binding.on(
        "block",
        (ctx, req) -> {
          entered.countDown();
          release.await();
          done.incrementAndGet();
          return new byte[0];
        });
    binding.on(
        "work",
        (ctx, req) -> {
          ctx.storage().put("k", req);
          done.incrementAndGet();
          return new byte[0];
        });
    ObjectRuntime r = open(b -> {});
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    replies.add(r.call(NS, id("o0"), "block", new byte[0]));
    assertTrue(entered.await(30, TimeUnit.SECONDS));
    for (int i = 0; i < 500; i++) {
      replies.add(r.call(NS, id("o" + (i % 10)), "work", b("v" + i)));
    }
    Thread closer = new Thread(r::close);
    closer.start();
    // Wait until close() has started: the runtime then rejects calls before looking at them.
    while (!(failure(r.call(NS, id("probe"), "no-such-method", new byte[0]))
        instanceof TransportException)) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(60));
    assertFalse(closer.isAlive());
    for (CompletableFuture<byte[]> f : replies) {
      assertTrue(f.isDone());
      f.get(); // every accepted turn succeeded, durably
    }
    assertEquals(501, done.get());
    assertInstanceOf(TransportException.class, failure(r.call(NS, id("o1"), "work", b("late"))));
  }
}
