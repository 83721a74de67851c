package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates {@code CounterNamespace}: the {@code dev.duro.Namespace} subclass that makes ids and
 * {@code CounterStub}s, with a static {@code of(Invoker)} factory.
 */
public final class NamespaceGenerator extends SourceFileGenerator {
  public NamespaceGenerator(ProcessingEnvironment env) {
    super(env);
  }

  @Override
  public ClassName typeName(ObjectModel model) {
    return Names.namespace(model);
  }

  @Override
  protected void build(ObjectModel model, TypeSpec.Builder namespace) {
    ClassName self = Names.namespace(model);
    ClassName stub = Names.stub(model);
    namespace
        .addModifiers(PUBLIC, FINAL)
        .superclass(ParameterizedTypeName.get(TypeNames.NAMESPACE, stub))
        .addJavadoc(
            "The objects of durable object class {@link $T}, namespace {@code $S}: makes their ids"
                + " and {@link $T}s.\n\n"
                + "<p>Making ids and stubs is local: no call is made until a stub method is"
                + " invoked. Immutable and thread-safe.\n",
            Names.objectClass(model),
            model.namespace(),
            stub)
        .addField(
            FieldSpec.builder(String.class, "NAME", PUBLIC, STATIC, FINAL)
                .addJavadoc("The namespace name.\n")
                .initializer("$S", model.namespace())
                .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(TypeNames.INVOKER, "invoker")
                .addStatement("super(NAME, invoker)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("of")
                .addJavadoc(
                    "The namespace as reached through {@code invoker}: a client, a test kit, or"
                        + " another object's context.\n\n"
                        + "@throws NullPointerException if {@code invoker} is null\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(self)
                .addParameter(TypeNames.INVOKER, "invoker")
                .addStatement("return new $T(invoker)", self)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("newStub")
                .addAnnotation(Override.class)
                .addModifiers(PROTECTED)
                .returns(stub)
                .addParameter(TypeNames.OBJECT_ID, "id")
                .addStatement("return new $T(invoker(), id)", stub)
                .build());
  }
}
