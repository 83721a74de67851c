package dev.duro.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The incremental-processing declaration holds: {@code DuroProcessor} is declared isolating, and
 * every file it writes (sources and resources) has exactly one originating element, the object
 * class it was generated for; {@code BindingIndexProcessor} is declared aggregating.
 */
class OriginatingElementsTest {
  @Test
  void declarationMatchesTheProcessors() throws IOException {
    try (InputStream in =
        DuroProcessor.class
            .getClassLoader()
            .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertEquals(
          "dev.duro.processor.DuroProcessor,isolating\n"
              + "dev.duro.processor.BindingIndexProcessor,aggregating\n",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyFileOfTheIsolatingProcessorHasItsObjectAsSoleOriginatingElement() {
    Map<String, List<String>> origins = new TreeMap<>();
    Compilation compilation =
        javac()
            .withProcessors(recording(new DuroProcessor(), origins), new BindingIndexProcessor())
            .withOptions(Compilations.OPTIONS)
            .compile(
                Compilations.input("Shop"),
                Compilations.input("Counter"),
                Compilations.input("Cart"));
    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    assertThat(origins.keySet())
        .containsAtLeast(
            "test.ShopStub",
            "test.ShopApi",
            "test.Shop_Codecs",
            "test.Shop_Binding",
            "test.ShopNamespace",
            "META-INF/duro/test/Shop.proto",
            "META-INF/duro/test/Shop.desc",
            "test.CounterStub",
            "META-INF/duro/test/Cart.desc");
    for (Map.Entry<String, List<String>> e : origins.entrySet()) {
      String file = e.getKey();
      String object =
          file.contains("Shop")
              ? "test.Shop"
              : file.contains("Cart") ? "test.Cart" : "test.Counter";
      assertEquals(List.of(object), e.getValue(), file);
    }
  }

  /** {@code processor}, seeing a Filer that records each file's originating elements. */
  private static Processor recording(Processor processor, Map<String, List<String>> origins) {
    return (Processor)
        Proxy.newProxyInstance(
            Processor.class.getClassLoader(),
            new Class<?>[] {Processor.class},
            (proxy, method, args) -> {
              if (method.getName().equals("init")) {
                ProcessingEnvironment env = (ProcessingEnvironment) args[0];
                args = new Object[] {environment(env, filer(env.getFiler(), origins))};
              }
              try {
                return method.invoke(processor, args);
              } catch (InvocationTargetException x) {
                throw x.getCause();
              }
            });
  }

  private static ProcessingEnvironment environment(ProcessingEnvironment env, Filer filer) {
    return (ProcessingEnvironment)
        Proxy.newProxyInstance(
            ProcessingEnvironment.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFiler")) {
                return filer;
              }
              try {
                return method.invoke(env, args);
              } catch (InvocationTargetException x) {
                throw x.getCause();
              }
            });
  }

  private static Filer filer(Filer filer, Map<String, List<String>> origins) {
    return (Filer)
        Proxy.newProxyInstance(
            Filer.class.getClassLoader(),
            new Class<?>[] {Filer.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("createResource")) {
                origins.put(args[2].toString(), names((Element[]) args[3]));
              } else if (name.startsWith("create")) {
                origins.put(args[0].toString(), names((Element[]) args[1]));
              }
              try {
                return method.invoke(filer, args);
              } catch (InvocationTargetException x) {
                throw x.getCause();
              }
            });
  }

  private static List<String> names(Element[] elements) {
    List<String> names = new ArrayList<>();
    for (Element e : elements) {
      names.add(((TypeElement) e).getQualifiedName().toString());
    }
    return names;
  }
}
