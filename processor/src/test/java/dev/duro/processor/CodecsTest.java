package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.duro.ObjectContext;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the codecs generated for records, enums, collections, Optional, Instant, Duration and UUID:
 * a property test over random values, the path of a null, evolution, and a fuzz test that feeds
 * random and truncated bytes to every generated decoder.
 */
class CodecsTest {
  private static CompiledClassLoader loader;
  private static ObjectBinding<Object> binding;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    Compilation compilation = Compilations.compile("Shop", "ShopCheck");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledClassLoader(compilation);
    binding =
        (ObjectBinding<Object>)
            loader.loadClass("test.Shop_Binding").getDeclaredConstructor().newInstance();
  }

  private static Object check(String method, Object... args) throws Exception {
    Class<?> check = loader.loadClass("test.ShopCheck");
    for (Method m : check.getMethods()) {
      if (m.getName().equals(method)) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception) {
            throw (Exception) e.getCause();
          }
          throw (Error) e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + method);
  }

  @Test
  void randomValuesOfEveryShapeRoundTrip() throws Exception {
    for (long seed = 0; seed < 200; seed++) {
      check("roundTrip", seed, 5, new Fakes.Context());
    }
  }

  @Test
  void nullInANonOptionalPositionNamesItsPath() throws Exception {
    assertEquals(
        "Cannot encode null: only Optional values may be absent; use Optional or set a value at"
            + " order.lines[2].price",
        check("nullPath", new Fakes.Context()));
  }

  @Test
  void unknownFieldsAreSkippedAndUnknownEnumNumbersDecodeAsTheZeroConstant() throws Exception {
    ProtoWriter request = new ProtoWriter();
    request.writeInt32(2, 99); // status: an enum number this version does not know
    request.writeString(7, "from a newer version"); // an unknown field
    Object object = binding.newInstance(new Fakes.Context());
    byte[] reply = binding.decode("count", request.toByteArray()).invoke(object);
    assertEquals(0, reply.length); // empty counts map
    java.lang.reflect.Field field = object.getClass().getDeclaredField("last");
    field.setAccessible(true);
    Object last = field.get(object);
    assertEquals("NEW", String.valueOf(last));
  }

  /**
   * Evolution: a record written by a newer version (an extra component, field 9) is read by this
   * version, which skips it; one written by an older version (components missing) reads with the
   * missing components at their defaults.
   */
  @Test
  @SuppressWarnings("unchecked")
  void recordsEvolveByAddingComponents() throws Exception {
    Compilation compilation = Compilations.compile("Records");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClassLoader records = new CompiledClassLoader(compilation);
    ObjectBinding<Object> b =
        (ObjectBinding<Object>)
            records.loadClass("test.Records_Binding").getDeclaredConstructor().newInstance();
    Object object = b.newInstance(new Fakes.Context());

    ProtoWriter newer = new ProtoWriter().writeInt32(1, 5).writeString(9, "added later");
    byte[] reply =
        b.decode("move", new ProtoWriter().writeMessage(1, newer).toByteArray()).invoke(object);
    ProtoWriter expected = new ProtoWriter().writeInt32(1, 5);
    assertEquals(
        Arrays.toString(new ProtoWriter().writeMessage(1, expected).toByteArray()),
        Arrays.toString(reply));

    ProtoWriter older = new ProtoWriter();
    reply = b.decode("move", new ProtoWriter().writeMessage(1, older).toByteArray()).invoke(object);
    // Every component at its default: an empty Point message, present in the reply.
    assertEquals(Arrays.toString(new byte[] {0x0a, 0x00}), Arrays.toString(reply));
  }

  @Test
  void packedAndUnpackedRepeatedScalarsBothDecode() throws Exception {
    // count(List<String> keys, Status status): status 2 = PAID, written unpacked then packed into
    // a Set<Status> elsewhere; here keys are repeated strings, checked through the reply.
    ProtoWriter unpacked = new ProtoWriter();
    unpacked.writeString(1, "x").writeString(1, "x").writeString(1, "y");
    Object object = binding.newInstance(new Fakes.Context());
    byte[] reply = binding.decode("count", unpacked.toByteArray()).invoke(object);
    assertEquals(true, reply.length > 0);
  }

  @Test
  void malformedInputOnlyEverThrowsCodecException() throws Exception {
    Object object = binding.newInstance(new Fakes.Context());
    List<String> methods = binding.methodNames();
    Random random = new Random(42);
    // Valid messages to truncate and mutate, so the fuzzer reaches deep into nested decoders.
    ProtoWriter seed = new ProtoWriter();
    seed.writeBytes(1, validOrderBytes());
    byte[] valid = seed.toByteArray();
    int rejected = 0;
    for (int i = 0; i < 1_000_000; i++) {
      byte[] input;
      switch (i % 4) {
        case 0:
          input = new byte[random.nextInt(24)];
          random.nextBytes(input);
          break;
        case 1:
          input = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
          break;
        default:
          input = valid.clone();
          for (int k = random.nextInt(3) + 1; k > 0; k--) {
            input[random.nextInt(input.length)] = (byte) random.nextInt(256);
          }
      }
      String method = methods.get(i % methods.size());
      try {
        binding.decode(method, input);
        byte[] field = input;
        binding.readFields(object, name -> field);
      } catch (CodecException e) {
        rejected++;
      } catch (RuntimeException | Error e) {
        fail("input " + Arrays.toString(input) + " to " + method + " threw " + e, e);
      }
    }
    assertEquals(true, rejected > 100_000, "rejected " + rejected);
  }

  @Test
  void nestingBeyondTheLimitIsRejected() {
    // tree(Category root): Category's field 2 is its children, so each level nests one deeper.
    byte[] message = new byte[0];
    for (int i = 0; i < 99; i++) {
      message = new ProtoWriter().writeBytes(2, message).toByteArray();
    }
    byte[] allowed = new ProtoWriter().writeBytes(1, message).toByteArray();
    binding.decode("tree", allowed);
    for (int i = 0; i < 100; i++) {
      message = new ProtoWriter().writeBytes(2, message).toByteArray();
    }
    byte[] request = new ProtoWriter().writeBytes(1, message).toByteArray();
    CodecException e = assertThrows(CodecException.class, () -> binding.decode("tree", request));
    assertEquals("Malformed message: nested more than 100 levels deep", e.getMessage());
  }

  private static byte[] validOrderBytes() throws Exception {
    Object order = check("randomOrder", new Random(7));
    Class<?> codecs = loader.loadClass("test.Shop_Codecs");
    Method encode = codecs.getDeclaredMethod("encodeShop_Order", order.getClass());
    encode.setAccessible(true);
    ProtoWriter w = (ProtoWriter) encode.invoke(null, order);
    return w.toByteArray();
  }

  static ObjectContext context() {
    return new Fakes.Context();
  }
}
