package dev.duro.processor.internal.writing;

import com.palantir.javapoet.ClassName;
import dev.duro.processor.internal.model.ObjectModel;
import java.util.List;

/**
 * Every name of a generated type. Types users write get a suffix ({@code CounterStub}, {@code
 * CounterNamespace}); types only machines touch get an underscore ({@code Counter_Binding}). All
 * live in the object class's package; enclosing type names are joined with {@code _} so that {@code
 * A.BC} and {@code AB.C} cannot collide.
 */
public final class Names {
  private Names() {}

  /** The annotated class itself. */
  public static ClassName objectClass(ObjectModel model) {
    List<String> names = model.simpleNames();
    return ClassName.get(
        model.packageName(), names.get(0), names.subList(1, names.size()).toArray(new String[0]));
  }

  /** {@code CounterStub}: the typed client. */
  public static ClassName stub(ObjectModel model) {
    return peer(model, "Stub");
  }

  /** {@code CounterStub.Async}: the stub's asynchronous view. */
  public static ClassName async(ObjectModel model) {
    return stub(model).nestedClass("Async");
  }

  /** {@code CounterApi}: the interface of the stub's blocking methods, for typed fakes. */
  public static ClassName api(ObjectModel model) {
    return peer(model, "Api");
  }

  /** {@code CounterNamespace}: makes ids and stubs. */
  public static ClassName namespace(ObjectModel model) {
    return peer(model, "Namespace");
  }

  /** {@code Counter_Binding}: the host-side {@code ObjectBinding}. */
  public static ClassName binding(ObjectModel model) {
    return peer(model, "_Binding");
  }

  /** {@code Counter_Codecs}: the encoders and decoders of the types {@code Counter} uses. */
  public static ClassName codecs(ObjectModel model) {
    return peer(model, "_Codecs");
  }

  private static ClassName peer(ObjectModel model, String suffix) {
    return ClassName.get(model.packageName(), String.join("_", model.simpleNames()) + suffix);
  }

  /**
   * {@code increment} becomes {@code Increment}, for helper names such as {@code encodeIncrement}.
   */
  static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
