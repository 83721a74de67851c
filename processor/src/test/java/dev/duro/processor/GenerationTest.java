package dev.duro.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Goldens of generated code: exact text, so every change to the output is reviewed. */
class GenerationTest {
  private static final String SERVICES = "META-INF/services/dev.duro.binding.ObjectBinding";

  @Test
  void counter() {
    Compilation compilation = Compilations.compile("Counter");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "counter", "test.CounterStub");
    assertSource(compilation, "counter", "test.CounterApi");
    assertSource(compilation, "counter", "test.CounterNamespace");
    assertSource(compilation, "counter", "test.Counter_Binding");
    Goldens.assertGolden(getClass(), "counter", SERVICES, resource(compilation, SERVICES));
  }

  /**
   * Streaming methods (last parameter an {@code EventSink}): binding ({@code isStream}, {@code
   * decodeStream}), stub (a {@code Flow.Publisher} per call), API and namespace handler.
   */
  @Test
  void streaming() {
    Compilation compilation = Compilations.compile("ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "streaming", "test.ChatRoomStub");
    assertSource(compilation, "streaming", "test.ChatRoomApi");
    assertSource(compilation, "streaming", "test.ChatRoomNamespace");
    assertSource(compilation, "streaming", "test.ChatRoom_Binding");
  }

  @Test
  void allTypes() {
    Compilation compilation = Compilations.compile("AllTypes");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "allTypes", "test.AllTypesStub");
    assertSource(compilation, "allTypes", "test.AllTypesNamespace");
    assertSource(compilation, "allTypes", "test.AllTypes_Binding");
  }

  /** Records and enums, with pinned numbers: one codecs class per object. */
  @Test
  void recordCodecs() {
    Compilation compilation = Compilations.compile("Records");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "recordCodecs", "test.Records_Codecs");
  }

  /** Collections, maps, Optional and well-known types: packed scalars, wrappers, map entries. */
  @Test
  void collectionCodecs() {
    Compilation compilation = Compilations.compile("Shop");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "collectionCodecs", "test.Shop_Codecs");
    assertSource(compilation, "collectionCodecs", "test.Shop_Binding");
  }

  /** DurableMap fields of every key type: bound in newInstance with the value codecs. */
  @Test
  void durableMapFields() {
    Compilation compilation = Compilations.compile("Ledger");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "durableMapFields", "test.Ledger_Binding");
  }

  @Test
  void deprecatedUserCode() {
    Compilation compilation = Compilations.compile("Deprecations");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "deprecatedUserCode", "test.DeprecationsStub");
    assertSource(compilation, "deprecatedUserCode", "test.Deprecations_Binding");
  }

  @Test
  void deprecatedClass() {
    Compilation compilation = Compilations.compile("DeprecatedClass");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(source(compilation, "test.DeprecatedClass_Binding"))
        .contains(
            "@SuppressWarnings({\"deprecation\", \"removal\"})\npublic final class"
                + " DeprecatedClass_Binding");
  }

  @Test
  void parameterNamesThatClashWithGeneratedNames() {
    Compilation compilation = Compilations.compile("Shadowing");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "parameterNamesThatClashWithGeneratedNames", "test.ShadowingStub");
    assertSource(
        compilation, "parameterNamesThatClashWithGeneratedNames", "test.Shadowing_Binding");
    assertSource(
        compilation, "parameterNamesThatClashWithGeneratedNames", "test.ShadowingNamespace");
  }

  /** Declared exceptions: the stub repeats the throws clause and rethrows them typed. */
  @Test
  void typedRethrow() {
    Compilation compilation = Compilations.compile("Bank");
    assertThat(compilation).succeededWithoutWarnings();
    assertSource(compilation, "typedRethrow", "test.BankStub");
  }

  @Test
  void unnamedPackage() {
    Compilation compilation = Compilations.compile("UnnamedPackage");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(source(compilation, "UnnamedPackageStub")).startsWith("import ");
    assertEquals("UnnamedPackage_Binding\n", resource(compilation, SERVICES));
  }

  @Test
  void serviceFileListsEveryBindingOfTheCompilationSorted() {
    Compilation compilation = Compilations.compile("Counter", "AllTypes", "Shadowing");
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        "test.AllTypes_Binding\ntest.Counter_Binding\ntest.Shadowing_Binding\n",
        resource(compilation, SERVICES));
  }

  @Test
  void noServiceFileWithoutObjects() {
    Compilation compilation = Compilations.compile("NoObjects");
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        Optional.empty(), compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SERVICES));
  }

  /**
   * A type generated by another processor is unresolved in the first round; the class is modelled
   * once it exists instead of being reported.
   */
  @Test
  void waitsForTypesOtherProcessorsGenerate() {
    Compilation compilation =
        javac()
            .withProcessors(
                new DuroProcessor(), new BindingIndexProcessor(), new LaterExceptionProcessor())
            .withOptions(Compilations.OPTIONS)
            .compile(Compilations.input("Deferred"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.DeferredStub");
    assertEquals("test.Deferred_Binding\n", resource(compilation, SERVICES));
  }

  /** Writes {@code test.LaterException} in the first round, as a code generator would. */
  private static final class LaterExceptionProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!done) {
        done = true;
        try (Writer w =
            processingEnv.getFiler().createSourceFile("test.LaterException").openWriter()) {
          w.write(
              "package test;\n\npublic class LaterException extends Exception {\n"
                  + "  private static final long serialVersionUID = 1L;\n}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private void assertSource(Compilation compilation, String method, String qualifiedName) {
    Goldens.assertGolden(
        getClass(), method, qualifiedName + ".java", source(compilation, qualifiedName));
  }

  static String source(Compilation compilation, String qualifiedName) {
    Optional<JavaFileObject> file = compilation.generatedSourceFile(qualifiedName);
    assertEquals(true, file.isPresent(), "no generated source " + qualifiedName);
    return contents(file.get());
  }

  static String resource(Compilation compilation, String path) {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path);
    assertEquals(true, file.isPresent(), "no generated resource " + path);
    return contents(file.get());
  }

  private static String contents(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
