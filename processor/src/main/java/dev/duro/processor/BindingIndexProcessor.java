package dev.duro.processor;

import com.google.auto.service.AutoService;
import dev.duro.processor.internal.validation.Message;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.duro.binding.ObjectBinding}, listing every binding generated
 * in the compilation (classes annotated {@code @DuroGenerated} that implement {@code
 * ObjectBinding}), sorted by name, so that hosts find them with {@link java.util.ServiceLoader}.
 *
 * <p>Bindings are collected across rounds and the file is written once, when processing is over,
 * through the Filer into the class output. The file is rewritten from scratch: it lists the
 * bindings of this compilation only (which is why it is aggregating for incremental builds). No
 * bindings, no file. Instances are used by one compilation, on one thread.
 */
@AutoService(Processor.class)
public final class BindingIndexProcessor extends AbstractProcessor {
  /** The service file's path in the class output. */
  public static final String SERVICE_FILE = "META-INF/services/dev.duro.binding.ObjectBinding";

  private static final String OBJECT_BINDING = "dev.duro.binding.ObjectBinding";
  private static final String DURO_GENERATED = "dev.duro.binding.DuroGenerated";

  private final SortedSet<String> bindings = new TreeSet<>();
  private final List<Element> originatingElements = new ArrayList<>();

  /** Created by javac through {@link java.util.ServiceLoader}, or by tests. */
  public BindingIndexProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(DURO_GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      if (roundEnv.processingOver()) {
        writeServiceFile();
      } else {
        collect(roundEnv);
      }
    } catch (RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(SERVICE_FILE, stackTrace(e)));
    }
    return false;
  }

  private void collect(RoundEnvironment roundEnv) {
    TypeElement generated = processingEnv.getElementUtils().getTypeElement(DURO_GENERATED);
    TypeElement binding = processingEnv.getElementUtils().getTypeElement(OBJECT_BINDING);
    if (generated == null || binding == null) {
      return;
    }
    Types types = processingEnv.getTypeUtils();
    TypeMirror bindingType = types.erasure(binding.asType());
    for (Element e : roundEnv.getElementsAnnotatedWith(generated)) {
      if (e instanceof TypeElement
          && types.isAssignable(types.erasure(e.asType()), bindingType)
          && bindings.add(((TypeElement) e).getQualifiedName().toString())) {
        originatingElements.add(e);
      }
    }
  }

  private void writeServiceFile() {
    if (bindings.isEmpty()) {
      return;
    }
    try {
      FileObject file =
          processingEnv
              .getFiler()
              .createResource(
                  StandardLocation.CLASS_OUTPUT,
                  "",
                  SERVICE_FILE,
                  originatingElements.toArray(new Element[0]));
      try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String name : bindings) {
          w.write(name);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              Message.SERVICE_FILE_WRITE_FAILED.format(
                  SERVICE_FILE, String.valueOf(e.getMessage())));
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
