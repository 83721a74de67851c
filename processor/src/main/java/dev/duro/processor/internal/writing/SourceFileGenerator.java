package dev.duro.processor.internal.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * Base of every generator of one source file per object class. It gives every generated type the
 * same header: the annotated class as sole originating element (Gradle "isolating"),
 * {@code @DuroGenerated}, and {@code @javax.annotation.processing.Generated} where the class's
 * module can see it. Nothing that varies between builds goes into a file.
 */
public abstract class SourceFileGenerator {
  /** The value of {@code @Generated}. */
  static final String PROCESSOR = "dev.duro.processor.DuroProcessor";

  private final Filer filer;
  private final Elements elements;
  private final @Nullable TypeElement generatedAnnotation;

  protected SourceFileGenerator(ProcessingEnvironment env) {
    this.filer = env.getFiler();
    this.elements = env.getElementUtils();
    this.generatedAnnotation = elements.getTypeElement(TypeNames.GENERATED.canonicalName());
  }

  /** The name of the type generated for {@code model}. */
  public abstract ClassName typeName(ObjectModel model);

  /** Adds the generated type's modifiers, javadoc and members to {@code type}. */
  protected abstract void build(ObjectModel model, TypeSpec.Builder type);

  /** A builder of the generated type: a class, unless overridden. */
  protected TypeSpec.Builder newType(ClassName name) {
    return TypeSpec.classBuilder(name);
  }

  /** The file generated for {@code model}, which must be valid. */
  public final JavaFile file(ObjectModel model) {
    TypeSpec.Builder type =
        newType(typeName(model))
            .addOriginatingElement(model.element())
            .addAnnotation(TypeNames.DURO_GENERATED);
    if (canUseGenerated(model)) {
      type.addAnnotation(
          AnnotationSpec.builder(TypeNames.GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    build(model, type);
    return JavaFile.builder(model.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * Writes the file generated for {@code model} through the Filer. Not final so that tests can
   * observe or fail generation.
   *
   * @throws IOException if the Filer refuses, for example because the type already exists
   */
  public void generate(ObjectModel model) throws IOException {
    JavaFileObject file = filer.createSourceFile(typeName(model).canonicalName(), model.element());
    try (Writer writer = file.openWriter()) {
      writer.write(source(model));
    }
  }

  /** The text of the file generated for {@code model}, javadoc wrapped to 100 columns. */
  public final String source(ObjectModel model) {
    return JavadocWrapper.wrap(file(model).toString());
  }

  /**
   * Whether {@code @javax.annotation.processing.Generated} resolves where the code is compiled: it
   * exists since Java 9, in module {@code java.compiler}, which a named module must require.
   */
  private boolean canUseGenerated(ObjectModel model) {
    if (generatedAnnotation == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(model.element());
    if (module == null || module.isUnnamed()) {
      return true;
    }
    return ElementFilter.requiresIn(module.getDirectives()).stream()
        .anyMatch(r -> r.getDependency().getQualifiedName().contentEquals("java.compiler"));
  }
}
