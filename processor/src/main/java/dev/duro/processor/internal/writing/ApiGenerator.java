package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.RpcModel;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates {@code CounterApi}: the interface of {@code CounterStub}'s methods, one per
 * {@code @Rpc} method with the stub's signature, {@code throws} clause and javadoc. The stub
 * implements it, so code that calls objects can depend on the interface and be given a hand-written
 * implementation (or a lambda, for one method) in tests; {@code
 * CounterNamespace.handler(CounterApi)} serves calls with such an implementation.
 */
public final class ApiGenerator extends SourceFileGenerator {
  public ApiGenerator(ProcessingEnvironment env) {
    super(env);
  }

  @Override
  public ClassName typeName(ObjectModel model) {
    return Names.api(model);
  }

  @Override
  protected TypeSpec.Builder newType(ClassName name) {
    return TypeSpec.interfaceBuilder(name);
  }

  @Override
  protected void build(ObjectModel model, TypeSpec.Builder api) {
    api.addModifiers(PUBLIC)
        .addJavadoc(
            "The methods of durable object class {@link $T}, namespace {@code $S}, as its callers"
                + " see them: implemented by {@link $T}, which calls the object.\n\n"
                + "<p>Depend on this interface where a test should be able to hand in a fake:"
                + " implement it (or, if it has one method, write a lambda), and serve a"
                + " namespace with the fake through {@link $T#handler}. Implementations say"
                + " their own thread-safety; the stub is thread-safe.\n",
            Names.objectClass(model),
            model.namespace(),
            Names.stub(model),
            Names.namespace(model));
    for (RpcModel rpc : model.rpcs()) {
      api.addMethod(StubGenerator.apiMethod(model, rpc, false).addModifiers(ABSTRACT).build());
    }
  }
}
