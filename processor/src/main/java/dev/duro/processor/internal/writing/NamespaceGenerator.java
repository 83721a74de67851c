package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.ThrownType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates {@code CounterNamespace}: the {@code dev.duro.Namespace} subclass that makes ids and
 * {@code CounterStub}s, with a static {@code of(Invoker)} factory, and {@code handler(CounterApi)},
 * which serves calls at the wire level with an implementation of {@code CounterApi} (a typed fake).
 * The handler decodes requests and encodes results with the same {@link WireCode} as the binding,
 * so a fake sees exactly what the object would.
 */
public final class NamespaceGenerator extends SourceFileGenerator {
  private static final String EMPTY = "EMPTY";
  private static final String METHOD_NAMES = "METHOD_NAMES";

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
                + " invoked. Immutable and thread-safe. {@link #handler} serves calls with an"
                + " implementation of {@link $T} instead of the object class, for typed fakes.\n",
            Names.objectClass(model),
            model.namespace(),
            stub,
            Names.api(model))
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
    Map<RpcModel, String> helpers = helperNames(model);
    List<CodeBlock> names = new ArrayList<>();
    model.rpcs().forEach(r -> names.add(CodeBlock.of("$S", r.name())));
    namespace.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(TypeNames.LIST, ClassName.get(String.class)),
                METHOD_NAMES,
                PRIVATE,
                STATIC,
                FINAL)
            .initializer("$T.of($L)", TypeNames.LIST, CodeBlock.join(names, ",$W"))
            .build());
    namespace.addMethod(handler(model, helpers));
    if (model.rpcs().stream().anyMatch(r -> !r.isStream() && r.returnsVoid())) {
      namespace.addField(
          FieldSpec.builder(TypeNames.BYTE_ARRAY, EMPTY, PRIVATE, STATIC, FINAL)
              .initializer("new byte[0]")
              .build());
    }
    ValueCode values = new ValueCode(new Shapes(model));
    for (RpcModel rpc : model.rpcs()) {
      if (!rpc.isStream()) {
        namespace.addMethod(handle(model, rpc, helpers.get(rpc), values));
      }
    }
  }

  /**
   * {@code handler(CounterApi impl)}: serves calls with {@code impl}, decoding requests and
   * encoding results exactly as the binding does for the object.
   */
  private static MethodSpec handler(ObjectModel model, Map<RpcModel, String> helpers) {
    ClassName api = Names.api(model);
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement("$T.requireNonNull(impl, $S)", TypeNames.OBJECTS, "impl")
            .add("return (id, method, request) -> {\n$>")
            .beginControlFlow("switch (method)");
    for (RpcModel rpc : model.rpcs()) {
      body.add("case $S:\n$>", rpc.name());
      if (rpc.isStream()) {
        body.addStatement(
            "throw new $T($S$W+ $S)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Method '" + rpc.name() + "' of namespace " + model.namespace(),
            " is a streaming method, which a CallHandler cannot serve");
      } else {
        body.addStatement("return $N(impl, request)", helpers.get(rpc));
      }
      body.add("$<");
    }
    body.add("default:\n$>")
        .addStatement(
            "throw new $T($S$W+ method$W+ $S$W+ $N)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Namespace " + model.namespace() + " has no method '",
            "'; it has ",
            METHOD_NAMES)
        .add("$<")
        .endControlFlow()
        .add("$<};\n");
    return MethodSpec.methodBuilder("handler")
        .addJavadoc(
            "Serves calls to this namespace with {@code impl}: each request is decoded as {@link"
                + " $T}'s binding would decode it, the method of {@code impl} is called, and its"
                + " result is encoded as the object's reply would be. For fakes in tests, for"
                + " example {@code kit.fake($T::of, $T.handler(new Fake$T()))}, where {@code"
                + " Fake$T implements $T}.\n\n"
                + "<p>Whatever {@code impl} throws propagates unchanged, so a host or test kit"
                + " reports it as it would the object's own exception (and stubs rethrow declared"
                + " exceptions typed). Streaming methods cannot be served by a {@link $T}: calling"
                + " one fails with {@link $T}, as does an unknown method name. The handler keeps no"
                + " state; it is as thread-safe as {@code impl}.\n\n"
                + "@throws NullPointerException if {@code impl} is null\n",
            Names.objectClass(model),
            Names.namespace(model),
            Names.namespace(model),
            Names.objectClass(model),
            Names.objectClass(model),
            api,
            TypeNames.CALL_HANDLER,
            TypeNames.UNKNOWN_METHOD_EXCEPTION)
        .addModifiers(PUBLIC, STATIC)
        .returns(TypeNames.CALL_HANDLER)
        .addParameter(api, "impl")
        .addCode(body.build())
        .build();
  }

  /** {@code handleX(impl, request)}: decodes the arguments, calls {@code impl}, encodes. */
  private static MethodSpec handle(ObjectModel model, RpcModel rpc, String name, ValueCode values) {
    NameAllocator locals = new NameAllocator();
    List<WireCode.Field> fields = new ArrayList<>();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < rpc.parameters().size(); i++) {
      ParameterModel p = rpc.parameters().get(i);
      locals.newName(p.name(), p);
      fields.add(new WireCode.Field(i + 1, p.shape(), p.name()));
      args.add(CodeBlock.of("$N", p.name()));
    }
    String impl = locals.newName("impl");
    String request = locals.newName("request");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(PRIVATE, STATIC)
            .returns(TypeNames.BYTE_ARRAY)
            .addParameter(Names.api(model), impl)
            .addParameter(TypeNames.BYTE_ARRAY, request);
    if (rpc.deprecated()) {
      // The user deprecated the method; the handler has to keep calling it.
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal")
              .build());
    }
    for (ThrownType t : rpc.thrown()) {
      if (t.nameable()) {
        method.addException(TypeName.get(t.type()));
      }
    }
    method.addCode(
        WireCode.decode(
            CodeBlock.of("$N", request),
            fields,
            locals.newName("reader"),
            locals.newName("tag"),
            values));
    CodeBlock call = CodeBlock.of("$N.$N($L)", impl, rpc.name(), CodeBlock.join(args, ",$W"));
    if (rpc.returnsVoid()) {
      boolean shadowed = rpc.parameters().stream().anyMatch(p -> p.name().equals(EMPTY));
      return method
          .addStatement("$L", call)
          .addStatement(
              "return $L",
              shadowed
                  ? CodeBlock.of("$T.$N", Names.namespace(model), EMPTY)
                  : CodeBlock.of("$N", EMPTY))
          .build();
    }
    String value = locals.newName("value");
    return method
        .addStatement("$T $N = $L", TypeNames.of(rpc.returnShape()), value, call)
        .addCode(
            WireCode.encodeAndReturn(
                List.of(new WireCode.Field(1, rpc.returnShape(), value)),
                locals.newName("writer"),
                values))
        .build();
  }

  /** Names of the {@code handleX} helpers, unique even when method names differ only in case. */
  private static Map<RpcModel, String> helperNames(ObjectModel model) {
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of("of", "newStub", "handler", "NAME", EMPTY, METHOD_NAMES)) {
      names.newName(reserved, reserved);
    }
    Map<RpcModel, String> helpers = new HashMap<>();
    for (RpcModel rpc : model.rpcs()) {
      helpers.put(rpc, names.newName("handle" + Names.capitalize(rpc.name()), new Object()));
    }
    return helpers;
  }
}
