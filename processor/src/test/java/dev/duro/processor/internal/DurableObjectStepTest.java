package dev.duro.processor.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ObjectModelFactory;
import dev.duro.processor.internal.validation.ObjectValidator;
import dev.duro.processor.internal.writing.Names;
import dev.duro.processor.internal.writing.SourceFileGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The pipeline around the generators: what runs when, and that nothing escapes into javac. */
class DurableObjectStepTest {
  /** What a recording generator does when asked to generate. */
  private enum Behaviour {
    RECORD,
    THROW_RUNTIME,
    THROW_IO
  }

  @Test
  void generatorsRunOnlyForValidClasses() {
    StepProcessor processor = new StepProcessor(Behaviour.RECORD);
    Compilation compilation = compile(processor, "Counter", "RpcStatic", "PersistFinal");
    assertThat(compilation).hadErrorCount(2);
    assertThat(processor.generated).containsExactly("test.Counter");
  }

  @Test
  void unexpectedExceptionBecomesAnInternalErrorOnTheType() {
    StepProcessor processor = new StepProcessor(Behaviour.THROW_RUNTIME);
    JavaFileObject counter = input("Counter");
    Compilation compilation = compile(processor, counter, input("AllTypes"));
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[DuroInternalError] The Duro processor failed on test.Counter.")
        .inFile(counter)
        .onLineContaining("public class Counter");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: generator broke");
    // The failure on the first type did not stop the second.
    assertThat(processor.generated).containsExactly("test.Counter", "test.AllTypes").inOrder();
  }

  @Test
  void filerFailureIsReportedWithTheTypeName() {
    StepProcessor processor = new StepProcessor(Behaviour.THROW_IO);
    JavaFileObject counter = input("Counter");
    Compilation compilation = compile(processor, counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroWriteFailed] Could not write generated type test.CounterStub for test.Counter:"
                + " disk full")
        .inFile(counter)
        .onLineContaining("public class Counter");
  }

  private static Compilation compile(StepProcessor processor, String... inputs) {
    List<JavaFileObject> files = new ArrayList<>();
    for (String name : inputs) {
      files.add(input(name));
    }
    return compile(processor, files.toArray(new JavaFileObject[0]));
  }

  private static Compilation compile(StepProcessor processor, JavaFileObject... files) {
    return javac().withProcessors(processor).compile(files);
  }

  private static JavaFileObject input(String name) {
    return JavaFileObjects.forResource("inputs/" + name + ".java");
  }

  /** Runs the real step with one generator that records, or fails as told. */
  private static final class StepProcessor extends AbstractProcessor {
    final List<String> generated = new ArrayList<>();
    private final Behaviour behaviour;
    private DurableObjectStep step;

    StepProcessor(Behaviour behaviour) {
      this.behaviour = behaviour;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      SourceFileGenerator generator =
          new SourceFileGenerator(env) {
            @Override
            public ClassName typeName(ObjectModel model) {
              return Names.stub(model);
            }

            @Override
            protected void build(ObjectModel model, TypeSpec.Builder type) {}

            @Override
            public void generate(ObjectModel model) throws IOException {
              generated.add(model.qualifiedName());
              switch (behaviour) {
                case THROW_RUNTIME:
                  throw new IllegalStateException("generator broke");
                case THROW_IO:
                  throw new IOException("disk full");
                default:
                  break;
              }
            }
          };
      step =
          new DurableObjectStep(
              env.getElementUtils(),
              env.getMessager(),
              new ObjectModelFactory(env.getElementUtils(), env.getTypeUtils()),
              new ObjectValidator(),
              List.of(generator),
              new dev.duro.processor.internal.writing.ProtoFileGenerator(env));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(DurableObjectStep.annotation());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      step.process(roundEnv);
      return false;
    }
  }
}
