package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.duro.DuroException;
import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming {@code @Rpc} methods, run: the binding decodes a stream's request and hands the object
 * a sink that encodes each event as a reply message; the stub's publisher sends the request and
 * decodes the events; failures reach {@code onError}. {@code ChatRoom} has {@code join(String,
 * EventSink<Message>)}, {@code watch(EventSink<Long>)} and the unary {@code post} and {@code
 * close}.
 */
class StreamingTest {
  private static CompiledClassLoader loader;

  private ObjectBinding<Object> binding;
  private Object room;
  private Fakes.DirectInvoker invoker;
  private Object stub;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile("ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void connect() throws Exception {
    binding =
        (ObjectBinding<Object>)
            loader.loadClass("test.ChatRoom_Binding").getConstructor().newInstance();
    room = binding.newInstance(new Fakes.Context());
    invoker = new Fakes.DirectInvoker(binding, room);
    stub = stub(invoker);
  }

  @Test
  void theBindingTellsStreamsApartAndDecodesEachKindOnlyItsOwnWay() {
    assertEquals(List.of("join", "post", "watch", "close"), binding.methodNames());
    assertTrue(binding.isStream("join"));
    assertTrue(binding.isStream("watch"));
    assertFalse(binding.isStream("post"));
    assertFalse(binding.isStream("nope"));

    UnknownMethodException unary =
        assertThrows(UnknownMethodException.class, () -> binding.decode("join", new byte[0]));
    assertEquals(
        "Method 'join' of namespace ChatRoom is a streaming method: call it with Invoker.stream",
        unary.getMessage());
    UnknownMethodException stream =
        assertThrows(UnknownMethodException.class, () -> binding.decodeStream("post", new byte[0]));
    assertEquals(
        "Method 'post' of namespace ChatRoom is not a streaming method: call it with Invoker.call",
        stream.getMessage());
    UnknownMethodException unknown =
        assertThrows(UnknownMethodException.class, () -> binding.decodeStream("nope", new byte[0]));
    assertEquals(
        "Namespace ChatRoom has no method 'nope'; it has [join, post, watch, close]",
        unknown.getMessage());
    // A length running past the end: malformed requests fail before any turn.
    assertThrows(
        CodecException.class, () -> binding.decodeStream("join", new byte[] {0x0a, 0x05, 'a'}));
  }

  @Test
  void eventsAreEncodedExactlyAsAUnaryReplyOfTheEventType() throws Exception {
    Fakes.RecordingSink sink = new Fakes.RecordingSink(10);
    binding
        .decodeStream("join", new ProtoWriter().writeString(1, "ann").toByteArray())
        .invoke(room, sink);
    byte[] reply =
        binding
            .decode(
                "post", new ProtoWriter().writeString(1, "bob").writeString(2, "hi").toByteArray())
            .invoke(room);
    assertArrayEquals(new ProtoWriter().writeInt32(1, 1).toByteArray(), reply, "one accepted");
    ProtoWriter message = new ProtoWriter().writeString(1, "bob").writeString(2, "hi");
    assertEquals(1, sink.events.size());
    assertArrayEquals(new ProtoWriter().writeMessage(1, message).toByteArray(), sink.events.get(0));

    // The stub decodes them: its publisher maps whatever the invoker's publisher emits.
    Invoker replay =
        new Invoker() {
          @Override
          public CompletableFuture<byte[]> call(
              String namespace, ObjectId id, String method, byte[] request) {
            throw new AssertionError("unary call " + method);
          }

          @Override
          public Flow.Publisher<byte[]> stream(
              String namespace, ObjectId id, String method, byte[] request) {
            assertEquals("ChatRoom", namespace);
            assertEquals("join", method);
            assertArrayEquals(new ProtoWriter().writeString(1, "cy").toByteArray(), request);
            return Publishers.of(sink.events);
          }
        };
    Recorder events = subscribe(stub(replay), "join", "cy");
    assertEquals(List.of("Message[from=bob, text=hi]"), events.strings());
    assertTrue(events.completed);
  }

  @Test
  void theStubStreamsThroughItsInvoker() throws Exception {
    Recorder ann = subscribe(stub, "join", "ann");
    Recorder counts = subscribe(stub, "watch");
    assertEquals(List.of(0L), counts.values, "watch sends the count when it starts");
    assertArrayEquals(new byte[0], invoker.requests.get(1), "no parameters: an empty request");

    assertEquals(1, call("post", "bob", "hi"));
    assertEquals(1, call("post", "cy", "yo"));
    assertEquals(List.of("Message[from=bob, text=hi]", "Message[from=cy, text=yo]"), ann.strings());
    assertEquals(List.of(0L, 1L, 2L), counts.values);

    ann.subscription.cancel(); // the object's close action forgets the member
    assertEquals(0, call("post", "bob", "alone"));
    assertEquals(2, ann.values.size());

    Recorder bob = subscribe(stub, "join", "bob");
    call("close");
    assertTrue(bob.completed);
    assertNull(bob.error);
  }

  @Test
  void aThrowingStreamingMethodFailsTheSubscriberWithoutTypedRethrow() throws Exception {
    Recorder empty = subscribe(stub, "join", "");
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, empty.error);
    assertEquals("java.lang.IllegalArgumentException", e.remoteType());

    // join declares Banned; streams do not rethrow it typed, and the stub does not declare it.
    Recorder mallory = subscribe(stub, "join", "mallory");
    RemoteFailureException banned = assertInstanceOf(RemoteFailureException.class, mallory.error);
    assertEquals("test.ChatRoom$Banned", banned.remoteType());
    assertEquals("not you, mallory", banned.remoteMessage());
    Method join = stub.getClass().getMethod("join", String.class);
    assertEquals(0, join.getExceptionTypes().length);
    assertEquals(Flow.Publisher.class, join.getReturnType());
  }

  @Test
  void anEventWithoutAValueFailsTheSubscriberInsteadOfSendingNull() throws Exception {
    Invoker empty =
        new Invoker() {
          @Override
          public CompletableFuture<byte[]> call(
              String namespace, ObjectId id, String method, byte[] request) {
            throw new AssertionError();
          }

          @Override
          public Flow.Publisher<byte[]> stream(
              String namespace, ObjectId id, String method, byte[] request) {
            return Publishers.of(List.of(new byte[0], new byte[0]));
          }
        };
    Recorder r = subscribe(stub(empty), "join", "ann");
    assertEquals(List.of(), r.values);
    CodecException e = assertInstanceOf(CodecException.class, r.error);
    assertTrue(e.getMessage().contains("An event of join has no value"), e.getMessage());
  }

  @Test
  void streamingMethodsAreOnTheStubAndTheApiButNotInAsync() throws Exception {
    Object async = stub.getClass().getMethod("async").invoke(stub);
    List<String> asyncMethods =
        Arrays.stream(async.getClass().getDeclaredMethods()).map(Method::getName).toList();
    assertTrue(asyncMethods.contains("post"), asyncMethods.toString());
    assertFalse(asyncMethods.contains("join"), asyncMethods.toString());
    assertFalse(asyncMethods.contains("watch"), asyncMethods.toString());
    Class<?> api = loader.loadClass("test.ChatRoomApi");
    assertTrue(api.isInstance(stub));
    assertEquals(Flow.Publisher.class, api.getMethod("watch").getReturnType());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Object stub(Invoker invoker) throws Exception {
    Namespace<?> namespace =
        (Namespace<?>)
            loader
                .loadClass("test.ChatRoomNamespace")
                .getMethod("of", Invoker.class)
                .invoke(null, invoker);
    return namespace.get("room");
  }

  private Object call(String method, Object... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    Arrays.fill(types, String.class);
    try {
      return stub.getClass().getMethod(method, types).invoke(stub, args);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /** Subscribes a recorder to the publisher the stub's streaming {@code method} returns. */
  @SuppressWarnings("unchecked")
  private static Recorder subscribe(Object stub, String method, String... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    Arrays.fill(types, String.class);
    Flow.Publisher<Object> publisher =
        (Flow.Publisher<Object>)
            stub.getClass().getMethod(method, types).invoke(stub, (Object[]) args);
    Recorder r = new Recorder();
    publisher.subscribe(r);
    return r;
  }

  /** Requests everything and records the signals. */
  static final class Recorder implements Flow.Subscriber<Object> {
    final List<Object> values = new ArrayList<>();
    Flow.Subscription subscription;
    boolean completed;
    Throwable error;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object item) {
      if (item == null) {
        throw new AssertionError("onNext(null)");
      }
      values.add(item);
    }

    @Override
    public void onError(Throwable t) {
      assertInstanceOf(DuroException.class, t);
      error = t;
    }

    @Override
    public void onComplete() {
      completed = true;
    }

    List<String> strings() {
      return values.stream().map(String::valueOf).toList();
    }
  }

  /** A publisher of fixed messages that ignores demand: the simplest hand-made source. */
  static final class Publishers {
    static Flow.Publisher<byte[]> of(List<byte[]> messages) {
      return subscriber -> {
        boolean[] cancelled = {false};
        subscriber.onSubscribe(
            new Flow.Subscription() {
              @Override
              public void request(long n) {}

              @Override
              public void cancel() {
                cancelled[0] = true;
              }
            });
        for (byte[] m : messages) {
          if (cancelled[0]) {
            return;
          }
          subscriber.onNext(m);
        }
        if (!cancelled[0]) {
          subscriber.onComplete();
        }
      };
    }
  }
}
