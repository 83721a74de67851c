package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.duro.DuroException;
import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallHandler;
import dev.duro.binding.Invoker;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code XApi} interface and {@code XNamespace.handler(XApi)}: the stub implements
 * the interface, and the handler serves wire calls with any implementation of it, decoding and
 * encoding as the binding does; what the implementation throws reaches the caller as an object
 * method's exception would.
 */
class ApiHandlerTest {
  private static final ObjectId ID = ObjectId.fromBytes(new byte[ObjectId.LENGTH]);
  private static CompiledClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile("Counter", "Bank", "ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @Test
  void theStubImplementsTheApiWithTheSameMethods() throws Exception {
    Class<?> api = loader.loadClass("test.CounterApi");
    Class<?> stub = loader.loadClass("test.CounterStub");
    assertTrue(api.isInterface());
    assertTrue(api.isAssignableFrom(stub));
    assertEquals(2, api.getDeclaredMethods().length);
    assertEquals(long.class, api.getMethod("increment", long.class).getReturnType());
    Class<?> bank = loader.loadClass("test.BankApi");
    assertEquals(
        List.of("test.Bank$InsufficientFunds", "test.Bank$Audited"),
        List.of(bank.getMethod("withdraw", long.class).getExceptionTypes()).stream()
            .map(Class::getName)
            .toList());
  }

  @Test
  void theHandlerDecodesCallsTheImplementationAndEncodesItsResult() throws Exception {
    List<String> calls = new ArrayList<>();
    Object impl =
        implement(
            "test.CounterApi",
            (proxy, method, args) -> {
              calls.add(method.getName() + (args == null ? "()" : "(" + args[0] + ")"));
              return method.getName().equals("get") ? 7L : 100L + (long) args[0];
            });
    CallHandler handler = handler("test.CounterNamespace", "test.CounterApi", impl);
    byte[] reply =
        handler.handle(ID, "increment", new ProtoWriter().writeInt64(1, -5).toByteArray());
    assertArrayEquals(new ProtoWriter().writeInt64(1, 95).toByteArray(), reply);

    // Through the real stub, over an invoker that hands requests to the handler.
    Object stub = namespace("test.CounterNamespace", new HandlerInvoker(handler)).get("c");
    assertEquals(7L, stub.getClass().getMethod("get").invoke(stub));
    assertEquals(142L, stub.getClass().getMethod("increment", long.class).invoke(stub, 42L));
    assertEquals(List.of("increment(-5)", "get()", "increment(42)"), calls);

    assertThrows(CodecException.class, () -> handler.handle(ID, "increment", new byte[] {0x08}));
    UnknownMethodException unknown =
        assertThrows(
            UnknownMethodException.class, () -> handler.handle(ID, "decrement", new byte[0]));
    assertEquals(
        "Namespace Counter has no method 'decrement'; it has [increment, get]",
        unknown.getMessage());
  }

  @Test
  void whatTheImplementationThrowsReachesTheStubAsTheObjectsExceptionWould() throws Exception {
    Class<?> insufficient = loader.loadClass("test.Bank$InsufficientFunds");
    Exception thrown =
        (Exception) insufficient.getConstructor(String.class).newInstance("only 3 left");
    Object impl =
        implement(
            "test.BankApi",
            (proxy, method, args) -> {
              if (method.getName().equals("withdraw")) {
                throw thrown;
              }
              return method.getReturnType() == long.class ? 0L : null;
            });
    CallHandler handler = handler("test.BankNamespace", "test.BankApi", impl);
    Exception direct =
        assertThrows(
            Exception.class,
            () -> handler.handle(ID, "withdraw", new ProtoWriter().writeInt64(1, 9).toByteArray()));
    assertSame(thrown, direct, "propagated unchanged");

    Object stub = namespace("test.BankNamespace", new HandlerInvoker(handler)).get("b");
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> stub.getClass().getMethod("withdraw", long.class).invoke(stub, 9L));
    Throwable typed = e.getCause();
    assertEquals("test.Bank$InsufficientFunds", typed.getClass().getName());
    assertEquals("only 3 left", typed.getMessage());
    assertInstanceOf(RemoteFailureException.class, typed.getCause());
    // void methods reply with an empty message
    assertArrayEquals(
        new byte[0],
        handler.handle(ID, "freeze", new ProtoWriter().writeBool(1, true).toByteArray()));
  }

  @Test
  void streamingMethodsAndNullImplementationsAreRefused() throws Exception {
    Object impl =
        implement(
            "test.ChatRoomApi",
            (proxy, method, args) -> method.getName().equals("post") ? 2 : null);
    CallHandler handler = handler("test.ChatRoomNamespace", "test.ChatRoomApi", impl);
    UnknownMethodException e =
        assertThrows(UnknownMethodException.class, () -> handler.handle(ID, "join", new byte[0]));
    assertEquals(
        "Method 'join' of namespace ChatRoom is a streaming method, which a CallHandler cannot"
            + " serve",
        e.getMessage());
    assertArrayEquals(
        new ProtoWriter().writeInt32(1, 2).toByteArray(), handler.handle(ID, "post", new byte[0]));
    InvocationTargetException npe =
        assertThrows(
            InvocationTargetException.class,
            () -> handler("test.ChatRoomNamespace", "test.ChatRoomApi", null));
    assertInstanceOf(NullPointerException.class, npe.getCause());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Object implement(String api, InvocationHandler body) throws Exception {
    Class<?> type = loader.loadClass(api);
    return Proxy.newProxyInstance(loader, new Class<?>[] {type}, body);
  }

  private static CallHandler handler(String namespace, String api, Object impl) throws Exception {
    return (CallHandler)
        loader.loadClass(namespace).getMethod("handler", loader.loadClass(api)).invoke(null, impl);
  }

  private static Namespace<?> namespace(String namespace, Invoker invoker) throws Exception {
    return (Namespace<?>)
        loader.loadClass(namespace).getMethod("of", Invoker.class).invoke(null, invoker);
  }

  /** Hands each call to a handler, reporting what it throws as a host reports an object's. */
  private static final class HandlerInvoker implements Invoker {
    private final CallHandler handler;

    HandlerInvoker(CallHandler handler) {
      this.handler = handler;
    }

    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      try {
        return CompletableFuture.completedFuture(handler.handle(id, method, request));
      } catch (DuroException e) {
        return CompletableFuture.failedFuture(e);
      } catch (Exception e) {
        return CompletableFuture.failedFuture(
            new RemoteFailureException(e.getClass().getName(), e.getMessage(), e));
      }
    }
  }
}
