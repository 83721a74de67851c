package dev.duro.processor;

import com.google.auto.service.AutoService;
import dev.duro.processor.internal.DurableObjectStep;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Generates the stub, namespace and binding of every {@code @DurableObject} class, or reports why
 * it cannot. See the {@linkplain dev.duro.processor package documentation}.
 *
 * <p>Each generated file originates from exactly one annotated class and the processor reads
 * nothing beyond that class's own declaration, so it is isolating for incremental builds. It never
 * throws into javac: an unexpected failure is reported as {@code [DuroInternalError]} on the class
 * being processed. Instances are used by one compilation, on one thread.
 */
@AutoService(Processor.class)
public final class DuroProcessor extends AbstractProcessor {
  private DurableObjectStep step;

  /** Created by javac through {@link java.util.ServiceLoader}, or by tests. */
  public DuroProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    step = DurableObjectStep.create(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // The member annotations too, to report them outside @DurableObject classes; none is claimed.
    Set<String> types = new java.util.LinkedHashSet<>();
    types.add(DurableObjectStep.annotation());
    types.addAll(DurableObjectStep.memberAnnotations());
    return Set.copyOf(types);
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
