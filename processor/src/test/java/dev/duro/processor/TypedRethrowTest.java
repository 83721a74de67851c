package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.duro.Namespace;
import dev.duro.RemoteFailureException;
import dev.duro.binding.ObjectBinding;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exceptions declared by an {@code @Rpc} method come out of the stub as that type: blocking methods
 * throw a new instance with the {@code RemoteFailureException} as cause, async futures fail with
 * it; undeclared or unconstructible types stay {@code RemoteFailureException}s.
 */
class TypedRethrowTest {
  private static CompiledClassLoader loader;

  private Object stub;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile("Bank");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @BeforeEach
  void connect() throws Exception {
    ObjectBinding<?> binding =
        (ObjectBinding<?>) loader.loadClass("test.Bank_Binding").getConstructor().newInstance();
    Fakes.DirectInvoker invoker =
        new Fakes.DirectInvoker(binding, binding.newInstance(new Fakes.Context()));
    Namespace<?> namespace =
        (Namespace<?>)
            loader
                .loadClass("test.BankNamespace")
                .getMethod("of", dev.duro.binding.Invoker.class)
                .invoke(null, invoker);
    stub = namespace.get("a");
    call("deposit", 20L);
  }

  @Test
  void stubDeclaresTheSameThrowsClause() throws Exception {
    Method withdraw = stub.getClass().getMethod("withdraw", long.class);
    assertEquals(
        List.of("test.Bank$InsufficientFunds", "test.Bank$Audited"),
        List.of(withdraw.getExceptionTypes()).stream().map(Class::getName).toList());
  }

  @Test
  void declaredCheckedExceptionIsRethrownTypedWithTheRemoteFailureAsCause() throws Exception {
    Throwable t = assertThrows(Exception.class, () -> call("withdraw", 50L));
    assertEquals("test.Bank$InsufficientFunds", t.getClass().getName());
    assertEquals("balance 20 < 50", t.getMessage());
    RemoteFailureException cause = assertInstanceOf(RemoteFailureException.class, t.getCause());
    assertEquals("test.Bank$InsufficientFunds", cause.remoteType());
    assertEquals(17L, call("withdraw", 3L));
  }

  @Test
  void declaredUncheckedExceptionWithOnlyANoArgConstructorIsRethrownTyped() throws Exception {
    call("freeze", true);
    Throwable t =
        assertThrows(
            RuntimeException.class,
            () -> {
              try {
                stub.getClass().getMethod("check").invoke(stub);
              } catch (InvocationTargetException e) {
                throw (RuntimeException) e.getCause();
              }
            });
    assertEquals("test.Bank$Frozen", t.getClass().getName());
    assertEquals("test.Bank$Frozen", ((RemoteFailureException) t.getCause()).remoteType());
    // withdraw does not declare Frozen: it stays a RemoteFailureException.
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> call("withdraw", 1L));
    assertEquals("test.Bank$Frozen", e.remoteType());
  }

  @Test
  void unconstructibleDeclaredTypeFallsBackToRemoteFailureException() {
    Throwable t = assertThrows(RemoteFailureException.class, () -> call("withdraw", 13L));
    assertEquals("test.Bank$Audited", ((RemoteFailureException) t).remoteType());
    assertEquals("unlucky", ((RemoteFailureException) t).remoteMessage());
  }

  @Test
  void asyncFuturesFailWithTheTypedException() throws Exception {
    CompletableFuture<?> f = async("withdraw", 50L);
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertEquals("test.Bank$InsufficientFunds", e.getCause().getClass().getName());
    assertInstanceOf(RemoteFailureException.class, e.getCause().getCause());
    CompletionException c = assertThrows(CompletionException.class, f::join);
    assertSame(e.getCause(), c.getCause());

    ExecutionException audited =
        assertThrows(ExecutionException.class, async("withdraw", 13L)::get);
    assertInstanceOf(RemoteFailureException.class, audited.getCause());
    assertEquals(17L, async("withdraw", 3L).get());
  }

  @Test
  void exceptionTypesTheStubCannotNameAreLeftOutOfItsThrowsClause() throws Exception {
    Compilation compilation =
        Compilations.compile(
            Compilations.input("ProtectedBase"), Compilations.input("ThrowsProtected"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> stub = new CompiledClassLoader(compilation).loadClass("test.ThrowsProtectedStub");
    assertEquals(0, stub.getMethod("go").getExceptionTypes().length);
  }

  private Object call(String method, Object arg) throws Exception {
    Class<?> type = arg instanceof Long ? long.class : boolean.class;
    try {
      return stub.getClass().getMethod(method, type).invoke(stub, arg);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw new AssertionError(e);
    }
  }

  private CompletableFuture<?> async(String method, long arg) throws Exception {
    Object async = stub.getClass().getMethod("async").invoke(stub);
    return (CompletableFuture<?>) async.getClass().getMethod(method, long.class).invoke(async, arg);
  }
}
