package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import dev.duro.codec.ProtoWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code XStub.withDeadline}: blocking, async and streaming calls of the returned stub are sent
 * with the deadline (the earlier of it and the caller's), computed when each call is sent; the
 * original stub is unchanged.
 */
class StubDeadlineTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static CompiledClassLoader loader;

  private final Recording invoker = new Recording();
  private Object stub;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile("ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @BeforeEach
  void connect() throws Exception {
    Namespace<?> namespace =
        (Namespace<?>)
            loader
                .loadClass("test.ChatRoomNamespace")
                .getMethod("of", Invoker.class)
                .invoke(null, invoker);
    stub = namespace.get("room");
  }

  @AfterEach
  void noContextLeaks() {
    assertSame(CallContext.none(), CallContext.current());
  }

  @Test
  void blockingAsyncAndStreamingCallsCarryTheDeadline() throws Exception {
    Object limited = withDeadline(stub, Duration.ofSeconds(5));
    assertNotSame(stub, limited);
    assertEquals(stub.getClass(), limited.getClass());
    assertEquals(id(stub), id(limited), "the same object");

    post(limited);
    Object async = limited.getClass().getMethod("async").invoke(limited);
    ((CompletableFuture<?>)
            async.getClass().getMethod("post", String.class, String.class).invoke(async, "a", "b"))
        .join();
    join(limited).subscribe(new Ignoring());
    assertEquals(List.of("post", "post", "join"), invoker.methods);
    for (CallContext c : invoker.contexts) {
      assertTrue(c.hasDeadline());
      assertTrue(c.remainingNanos() > 4 * SECOND && c.remainingNanos() <= 5 * SECOND);
    }

    post(stub);
    assertFalse(invoker.contexts.get(3).hasDeadline(), "the original stub has none");
  }

  @Test
  void withDeadlineAfterTakesAUnit() throws Exception {
    Object limited =
        stub.getClass()
            .getMethod("withDeadlineAfter", long.class, TimeUnit.class)
            .invoke(stub, 1500L, TimeUnit.MILLISECONDS);
    post(limited);
    long remaining = invoker.contexts.get(0).remainingNanos();
    assertTrue(remaining > SECOND && remaining <= 3 * SECOND / 2, "remaining " + remaining);
  }

  @Test
  void theCallersEarlierDeadlineWinsAndItsChainIsKept() throws Exception {
    Object limited = withDeadline(stub, Duration.ofSeconds(30));
    CallContext caller = CallContext.of(List.of("Other/1")).withTimeout(Duration.ofSeconds(2));
    CallContext.Scope scope = caller.enter();
    try {
      post(limited);
    } finally {
      scope.close();
    }
    CallContext seen = invoker.contexts.get(0);
    assertEquals(caller.deadlineNanoTime(), seen.deadlineNanoTime());
    assertEquals(List.of("Other/1"), seen.chain());
  }

  @Test
  void aLaterWithDeadlineReplacesTheStubsOwn() throws Exception {
    Object longer = withDeadline(withDeadline(stub, Duration.ofSeconds(1)), Duration.ofMinutes(1));
    post(longer);
    assertTrue(invoker.contexts.get(0).remainingNanos() > 59 * SECOND);
  }

  @Test
  void aStreamsDeadlineIsFixedWhenItIsSubscribed() throws Exception {
    Flow.Publisher<?> publisher = join(withDeadline(stub, Duration.ofSeconds(10)));
    assertEquals(List.of(), invoker.methods, "nothing sent before subscribing");
    CallContext.none()
        .withTimeout(Duration.ofMillis(200))
        .run(() -> publisher.subscribe(new Ignoring()));
    publisher.subscribe(new Ignoring());
    assertTrue(invoker.contexts.get(0).remainingNanos() <= TimeUnit.MILLISECONDS.toNanos(200));
    assertTrue(invoker.contexts.get(1).remainingNanos() > 9 * SECOND);
  }

  @Test
  void nonPositiveTimeoutsAreRejected() {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
      InvocationTargetException e =
          assertThrows(InvocationTargetException.class, () -> withDeadline(stub, bad));
      assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Object withDeadline(Object stub, Duration timeout) throws Exception {
    return stub.getClass().getMethod("withDeadline", Duration.class).invoke(stub, timeout);
  }

  private static ObjectId id(Object stub) throws Exception {
    return (ObjectId) stub.getClass().getMethod("id").invoke(stub);
  }

  private static void post(Object stub) throws Exception {
    Method post = stub.getClass().getMethod("post", String.class, String.class);
    assertEquals(3, post.invoke(stub, "bob", "hi"));
  }

  private static Flow.Publisher<?> join(Object stub) throws Exception {
    return (Flow.Publisher<?>) stub.getClass().getMethod("join", String.class).invoke(stub, "ann");
  }

  /** Records the method and the thread's call context whenever a call is sent; replies 3. */
  private static final class Recording implements Invoker {
    final List<String> methods = new ArrayList<>();
    final List<CallContext> contexts = new ArrayList<>();

    private byte[] record(String method) {
      methods.add(method);
      contexts.add(CallContext.current());
      return new ProtoWriter().writeInt32(1, 3).toByteArray();
    }

    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      return CompletableFuture.completedFuture(record(method));
    }

    @Override
    public byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
      return record(method);
    }

    @Override
    public Flow.Publisher<byte[]> stream(
        String namespace, ObjectId id, String method, byte[] request) {
      return subscriber -> record(method);
    }
  }

  private static final class Ignoring implements Flow.Subscriber<Object> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {}

    @Override
    public void onNext(Object item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
