package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.duro.Namespace;
import dev.duro.RemoteFailureException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoWriter;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated code: stub, then a fake invoker that hands the request bytes to the binding,
 * then the object, and back. Every supported type round-trips, including nulls, negative numbers,
 * {@code -0.0}, empty strings and arrays; {@code @Persist} fields survive writeFields/readFields.
 */
class RoundTripTest {
  private static CompiledClassLoader loader;

  private ObjectBinding<?> binding;
  private Object object;
  private Fakes.DirectInvoker invoker;
  private Object stub;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile("AllTypes", "Counter");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
  }

  @BeforeEach
  void connect() throws Exception {
    binding = binding("test.AllTypes_Binding");
    object = binding.newInstance(new Fakes.Context());
    invoker = new Fakes.DirectInvoker(binding, object);
    stub = namespace("test.AllTypesNamespace", invoker).get("a");
  }

  @Test
  void primitivesRoundTrip() throws Exception {
    for (boolean v : new boolean[] {true, false}) {
      assertEquals(v, call("echoBoolean", boolean.class, v));
    }
    for (byte v : new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}) {
      assertEquals(v, call("echoByte", byte.class, v));
    }
    for (short v : new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}) {
      assertEquals(v, call("echoShort", short.class, v));
    }
    for (char v : new char[] {0, 'a', 'é', '\uD834', Character.MAX_VALUE}) {
      assertEquals(v, call("echoChar", char.class, v));
    }
    for (int v : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
      assertEquals(v, call("echoInt", int.class, v));
    }
    for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      assertEquals(v, call("echoLong", long.class, v));
    }
    for (float v :
        new float[] {-0.0f, 0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -1.5f}) {
      float back = (float) call("echoFloat", float.class, v);
      assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(back), "float " + v);
    }
    for (double v :
        new double[] {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -2.25}) {
      double back = (double) call("echoDouble", double.class, v);
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), "double " + v);
    }
  }

  @Test
  void boxesRoundTripIncludingNullAndZero() throws Exception {
    Object[][] cases = {
      {"echoBoxedBoolean", Boolean.class, new Object[] {null, false, true}},
      {"echoBoxedByte", Byte.class, new Object[] {null, (byte) 0, (byte) -128}},
      {"echoBoxedShort", Short.class, new Object[] {null, (short) 0, (short) -32768}},
      {"echoBoxedChar", Character.class, new Object[] {null, (char) 0, '\uFFFF'}},
      {"echoBoxedInt", Integer.class, new Object[] {null, 0, -1, Integer.MIN_VALUE}},
      {"echoBoxedLong", Long.class, new Object[] {null, 0L, -1L, Long.MIN_VALUE}},
      {"echoBoxedFloat", Float.class, new Object[] {null, 0.0f, -0.0f, Float.NaN}},
      {"echoBoxedDouble", Double.class, new Object[] {null, 0.0, -0.0, -1e300}},
    };
    for (Object[] c : cases) {
      for (Object v : (Object[]) c[2]) {
        assertEquals(v, call((String) c[0], (Class<?>) c[1], v), c[0] + "(" + v + ")");
      }
    }
    // A boxed zero is a value, not absence: it must be on the wire.
    call("echoBoxedLong", Long.class, 0L);
    assertArrayEquals(new byte[] {0x08, 0x00}, lastRequest());
    call("echoBoxedLong", Long.class, null);
    assertArrayEquals(new byte[0], lastRequest());
  }

  @Test
  void stringsAndBytesRoundTripIncludingNullAndEmpty() throws Exception {
    for (String v : new String[] {null, "", "plain", "héllo ☃ 𝄞", "\u0000"}) {
      assertEquals(v, call("echoString", String.class, v));
    }
    assertNull(call("echoBytes", byte[].class, (Object) null));
    for (byte[] v : new byte[][] {{}, {0}, {-1, 0, 127, -128}, new byte[1000]}) {
      assertArrayEquals(v, (byte[]) call("echoBytes", byte[].class, (Object) v));
    }
  }

  @Test
  void manyParametersKeepTheirFieldNumbers() throws Exception {
    Class<?>[] types = {
      boolean.class,
      byte.class,
      short.class,
      char.class,
      int.class,
      long.class,
      float.class,
      double.class,
      Boolean.class,
      Byte.class,
      Short.class,
      Character.class,
      Integer.class,
      Long.class,
      Float.class,
      Double.class,
      String.class,
      byte[].class
    };
    Object[] values = {
      true,
      (byte) -2,
      (short) -3,
      'x',
      -4,
      -5L,
      -6.5f,
      -7.25,
      false,
      (byte) 0,
      (short) 9,
      'y',
      0,
      11L,
      12.5f,
      -0.0,
      "",
      new byte[] {1, 2}
    };
    assertEquals(
        "true,-2,-3,120,-4,-5,-6.5,-7.25,false,0,9,121,0,11,12.5,-0.0,,[1, 2]",
        stubMethod("all", types).invoke(stub, values));
    Object[] defaults = {
      false, (byte) 0, (short) 0, (char) 0, 0, 0L, 0f, 0.0, null, null, null, null, null, null,
      null, null, null, null
    };
    assertEquals(
        "false,0,0,0,0,0,0.0,0.0,null,null,null,null,null,null,null,null,null,null",
        stubMethod("all", types).invoke(stub, defaults));
    assertArrayEquals(new byte[0], lastRequest(), "defaults and nulls are not on the wire");
  }

  @Test
  void voidMethodsAndAsyncView() throws Exception {
    assertNull(call("setText", String.class, "written"));
    assertEquals("written", field("text"));

    Object async = stub.getClass().getMethod("async").invoke(stub);
    assertSame(async, stub.getClass().getMethod("async").invoke(stub));
    CompletableFuture<?> echoed =
        (CompletableFuture<?>)
            async.getClass().getMethod("echoLong", long.class).invoke(async, -9L);
    assertEquals(-9L, echoed.get(10, TimeUnit.SECONDS));
    CompletableFuture<?> written =
        (CompletableFuture<?>)
            async.getClass().getMethod("setText", String.class).invoke(async, "async");
    assertNull(written.get(10, TimeUnit.SECONDS));
    assertEquals("async", field("text"));
  }

  @Test
  void failuresReachTheCaller() throws Exception {
    InvocationTargetException blocking =
        assertThrows(
            InvocationTargetException.class,
            () -> stubMethod("fail", String.class).invoke(stub, "boom"));
    RemoteFailureException remote = (RemoteFailureException) blocking.getCause();
    assertEquals(IllegalStateException.class.getName(), remote.remoteType());
    assertEquals("boom", remote.remoteMessage());

    Object async = stub.getClass().getMethod("async").invoke(stub);
    CompletableFuture<?> failed =
        (CompletableFuture<?>)
            async.getClass().getMethod("fail", String.class).invoke(async, "bang");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
    assertEquals("bang", ((RemoteFailureException) e.getCause()).remoteMessage());
  }

  @Test
  void requestsUseProtobufFieldNumbers() throws Exception {
    ObjectBinding<?> counterBinding = binding("test.Counter_Binding");
    Fakes.Context context = new Fakes.Context();
    Object counter = counterBinding.newInstance(context);
    Fakes.DirectInvoker counterInvoker = new Fakes.DirectInvoker(counterBinding, counter);
    Object counterStub = namespace("test.CounterNamespace", counterInvoker).get("c");
    Method increment = counterStub.getClass().getMethod("increment", long.class);

    assertEquals(5L, increment.invoke(counterStub, 5L));
    assertArrayEquals(new byte[] {0x08, 0x05}, counterInvoker.requests.get(0));
    assertEquals(
        Instant.parse("2030-01-01T00:01:00Z"), context.alarm, "the constructor got the context");
    assertEquals(5L, increment.invoke(counterStub, 0L));
    assertArrayEquals(new byte[0], counterInvoker.requests.get(1), "0 is the default: omitted");
    assertEquals(3L, increment.invoke(counterStub, -2L));
    assertEquals(11, counterInvoker.requests.get(2).length, "negative int64 takes 10 bytes + tag");
    assertEquals(3L, counterStub.getClass().getMethod("get").invoke(counterStub));
    assertTrue(counterStub.toString().startsWith("CounterStub["));
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    ObjectBinding<?> counterBinding = binding("test.Counter_Binding");
    Object counter = counterBinding.newInstance(new Fakes.Context());
    byte[] request =
        new ProtoWriter()
            .writeString(7, "from a newer client")
            .writeInt64(1, 4)
            .writeDouble(99, 1.0)
            .toByteArray();
    byte[] reply = invoke(counterBinding, counter, "increment", request);
    assertArrayEquals(new byte[] {0x08, 0x04}, reply);
  }

  @Test
  void malformedRequestsAndUnknownMethodsAreRejected() throws Exception {
    ObjectBinding<?> counterBinding = binding("test.Counter_Binding");
    assertThrows(CodecException.class, () -> counterBinding.decode("increment", new byte[] {0x08}));
    assertThrows(
        CodecException.class, () -> counterBinding.decode("increment", new byte[] {0x0A, 0x00}));
    UnknownMethodException unknown =
        assertThrows(
            UnknownMethodException.class, () -> counterBinding.decode("decrement", new byte[0]));
    assertEquals(
        "Namespace Counter has no method 'decrement'; it has [increment, get]",
        unknown.getMessage());
  }

  @Test
  void bindingDescribesTheClass() throws Exception {
    ObjectBinding<?> counterBinding = binding("test.Counter_Binding");
    assertEquals("Counter", counterBinding.namespace());
    assertEquals(loader.loadClass("test.Counter"), counterBinding.objectClass());
    assertEquals(List.of("increment", "get"), counterBinding.methodNames());
    assertEquals(List.of("count"), counterBinding.fieldNames());
    assertTrue(counterBinding.hasAlarm());
    assertEquals("AllTypes", binding.namespace());
    assertEquals(18, binding.fieldNames().size());
    assertEquals("z", binding.fieldNames().get(0));
    assertEquals("bytes", binding.fieldNames().get(17));
  }

  @Test
  @SuppressWarnings("unchecked")
  void lifecycleMethods() throws Exception {
    ObjectBinding<Object> all = (ObjectBinding<Object>) binding;
    all.onActivate(object);
    assertEquals(1, field("activations"));
    all.fireAlarm(object, Fakes.alarmInfo());
    all.fireAlarm(object, Fakes.alarmInfo());
    assertEquals(2, field("alarms"));

    ObjectBinding<Object> counterBinding = (ObjectBinding<Object>) binding("test.Counter_Binding");
    Object counter = counterBinding.newInstance(new Fakes.Context());
    invoke(counterBinding, counter, "increment", new byte[] {0x08, 0x05});
    counterBinding.onActivate(counter);
    counterBinding.fireAlarm(counter, Fakes.alarmInfo());
    assertArrayEquals(new byte[0], invoke(counterBinding, counter, "get", new byte[0]));
  }

  @Test
  @SuppressWarnings("unchecked")
  void persistFieldsRoundTrip() throws Exception {
    ObjectBinding<Object> all = (ObjectBinding<Object>) binding;
    Map<String, Object> values = new HashMap<>();
    values.put("z", true);
    values.put("b", (byte) -1);
    values.put("s", Short.MIN_VALUE);
    values.put("c", 'é');
    values.put("i", -123);
    values.put("j", Long.MIN_VALUE);
    values.put("f", -0.0f);
    values.put("d", Double.NaN);
    values.put("boxedZ", false);
    values.put("boxedB", (byte) 0);
    values.put("boxedS", (short) 7);
    values.put("boxedC", (char) 0);
    values.put("boxedI", 0);
    values.put("boxedJ", -1L);
    values.put("boxedF", 1.5f);
    values.put("boxedD", -0.0);
    values.put("text", "");
    values.put("bytes", new byte[0]);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      setField(object, e.getKey(), e.getValue());
    }
    Map<String, byte[]> stored = new HashMap<>();
    all.writeFields(object, stored::put);
    assertEquals(binding.fieldNames().size(), stored.size());
    for (byte[] encoded : stored.values()) {
      assertTrue(encoded.length > 0, "no value above is absent");
    }

    Object copy = all.newInstance(new Fakes.Context());
    all.readFields(copy, stored::get);
    for (String name : values.keySet()) {
      Object expected = values.get(name);
      Object actual = getField(copy, name);
      if (expected instanceof byte[]) {
        assertArrayEquals((byte[]) expected, (byte[]) actual, name);
      } else {
        assertEquals(expected, actual, name);
      }
    }
    assertEquals(
        Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits((float) getField(copy, "f")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void defaultsStoreAsEmptyAndMissingFieldsReadAsDefaults() throws Exception {
    ObjectBinding<Object> all = (ObjectBinding<Object>) binding;
    Map<String, byte[]> stored = new HashMap<>();
    all.writeFields(object, stored::put);
    assertEquals(18, stored.size());
    for (Map.Entry<String, byte[]> e : stored.entrySet()) {
      assertArrayEquals(new byte[0], e.getValue(), e.getKey());
    }

    setField(object, "j", 42L);
    setField(object, "boxedJ", 42L);
    setField(object, "text", "x");
    setField(object, "bytes", new byte[] {1});
    all.readFields(object, name -> null);
    assertEquals(0L, getField(object, "j"));
    assertNull(getField(object, "boxedJ"));
    assertNull(getField(object, "text"));
    assertNull(getField(object, "bytes"));
  }

  @Test
  void serviceLoaderFindsEveryBinding() {
    List<String> found = new ArrayList<>();
    for (ObjectBinding<?> b : ServiceLoader.load(ObjectBinding.class, loader)) {
      found.add(b.getClass().getName());
    }
    found.sort(null);
    assertEquals(List.of("test.AllTypes_Binding", "test.Counter_Binding"), found);
  }

  @Test
  void stubsCheckTheNamespaceOfIds() throws Exception {
    Namespace<?> counters = namespace("test.CounterNamespace", invoker);
    Namespace<?> others = namespace("test.AllTypesNamespace", invoker);
    assertEquals("Counter", counters.name());
    assertFalse(counters.idFromName("a").equals(others.idFromName("a")));
    assertThrows(IllegalArgumentException.class, () -> counters.get(others.idFromName("a")));
  }

  @Test
  void parameterNamesThatClashWithGeneratedNamesStillWork() throws Exception {
    Compilation compilation = Compilations.compile("Shadowing");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClassLoader shadowing = new CompiledClassLoader(compilation);
    ObjectBinding<?> b =
        (ObjectBinding<?>)
            shadowing.loadClass("test.Shadowing_Binding").getConstructor().newInstance();
    Fakes.DirectInvoker direct = new Fakes.DirectInvoker(b, b.newInstance(new Fakes.Context()));
    Object s =
        ((Namespace<?>)
                shadowing
                    .loadClass("test.ShadowingNamespace")
                    .getMethod("of", dev.duro.binding.Invoker.class)
                    .invoke(null, direct))
            .get("s");
    Class<?>[] six = {long.class, long.class, long.class, long.class, long.class, long.class};
    assertEquals(21L, s.getClass().getMethod("call", six).invoke(s, 1L, 2L, 3L, 4L, 5L, 6L));
    assertArrayEquals(
        new byte[] {0x08, 1, 0x10, 2, 0x18, 3, 0x20, 4, 0x28, 5, 0x30, 6}, direct.requests.get(0));
    Object async = s.getClass().getMethod("async").invoke(s);
    assertEquals(
        21L,
        ((CompletableFuture<?>)
                async.getClass().getMethod("call", six).invoke(async, 6L, 5L, 4L, 3L, 2L, 1L))
            .get(10, TimeUnit.SECONDS));
    assertNull(
        s.getClass()
            .getMethod("store", String.class, String.class, String.class)
            .invoke(s, "o", "e", "v"));
    assertEquals(7L, s.getClass().getMethod("noArgs").invoke(s));
    assertEquals(8L, s.getClass().getMethod("NoArgs").invoke(s));
    assertEquals(5L, s.getClass().getMethod("encodeNoArgs", long.class).invoke(s, 5L));
  }

  private Object call(String method, Class<?> type, Object arg) throws Exception {
    return stubMethod(method, type).invoke(stub, arg);
  }

  private Method stubMethod(String name, Class<?>... types) throws NoSuchMethodException {
    return stub.getClass().getMethod(name, types);
  }

  private byte[] lastRequest() {
    return invoker.requests.get(invoker.requests.size() - 1);
  }

  private Object field(String name) throws Exception {
    return getField(object, name);
  }

  private static Object getField(Object target, String name) throws Exception {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }

  private static void setField(Object target, String name, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }

  @SuppressWarnings("unchecked")
  private static byte[] invoke(
      ObjectBinding<?> binding, Object target, String method, byte[] request) throws Exception {
    return ((ObjectBinding<Object>) binding).decode(method, request).invoke(target);
  }

  private static ObjectBinding<?> binding(String name) throws Exception {
    return (ObjectBinding<?>) loader.loadClass(name).getConstructor().newInstance();
  }

  private static Namespace<?> namespace(String name, Fakes.DirectInvoker invoker) throws Exception {
    return (Namespace<?>)
        loader
            .loadClass(name)
            .getMethod("of", dev.duro.binding.Invoker.class)
            .invoke(null, invoker);
  }
}
