package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
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
import dev.duro.processor.internal.model.ConstructorModel;
import dev.duro.processor.internal.model.HookModel;
import dev.duro.processor.internal.model.MapFieldModel;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.PersistFieldModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeShape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates {@code Counter_Binding}, the {@code dev.duro.binding.ObjectBinding} through which a
 * host creates objects, dispatches calls, stores and loads {@code @Persist} fields and runs the
 * lifecycle methods, all without reflection. Hosts find bindings with {@code ServiceLoader}.
 *
 * <p>A request is decoded before its turn by {@code decodeX} into the method's arguments; {@code
 * invokeX} then returns the {@code Invocation} that calls the method and encodes its result. For a
 * streaming method ({@code isStream}, {@code decodeStream}) it returns the {@code StreamInvocation}
 * that calls the method with {@code Streams.encoding} over the host's sink, each event encoded as a
 * reply of the event type would be; {@code decode} refuses such a method by name. Each
 * {@code @Persist} field is stored as a message whose field 1 holds the value, so a default value
 * stores as an empty array.
 */
public final class BindingGenerator extends SourceFileGenerator {
  private static final String OBJECT = "object";
  private static final String EMPTY = "EMPTY";
  private static final String METHOD_NAMES = "METHOD_NAMES";
  private static final String FIELD_NAMES = "FIELD_NAMES";

  public BindingGenerator(ProcessingEnvironment env) {
    super(env);
  }

  @Override
  public ClassName typeName(ObjectModel model) {
    return Names.binding(model);
  }

  @Override
  protected void build(ObjectModel model, TypeSpec.Builder binding) {
    ClassName object = Names.objectClass(model);
    Helpers helpers = new Helpers(model);
    binding
        .addModifiers(PUBLIC, FINAL)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.OBJECT_BINDING, object))
        .addJavadoc(
            "Binds durable object class {@link $T} to Duro hosts: creates instances, dispatches"
                + " calls, stores and loads its {@code @Persist} fields and runs its lifecycle"
                + " methods, without reflection.\n\n"
                + "<p>Hosts find it with {@link $T}; it is not meant to be used directly. Stateless"
                + " and thread-safe.\n",
            object,
            TypeNames.SERVICE_LOADER);
    if (model.deprecated()) {
      binding.addAnnotation(suppressDeprecation());
    }
    if (new Shapes(model).needsCodecs()) {
      // Hosts load the binding before the object's first turn: its typed storage finds the codecs.
      binding.addStaticBlock(
          CodeBlock.of("$T.$N();\n", Names.codecs(model), CodecsGenerator.REGISTER));
    }
    binding.addField(
        FieldSpec.builder(listOfString(), METHOD_NAMES, PRIVATE, STATIC, FINAL)
            .initializer("$L", listOf(model.rpcs().stream().map(RpcModel::name).toList()))
            .build());
    binding.addField(
        FieldSpec.builder(listOfString(), FIELD_NAMES, PRIVATE, STATIC, FINAL)
            .initializer(
                "$L", listOf(model.fields().stream().map(PersistFieldModel::name).toList()))
            .build());
    if (model.rpcs().stream().anyMatch(r -> !r.isStream() && r.returnsVoid())) {
      binding.addField(
          FieldSpec.builder(TypeNames.BYTE_ARRAY, EMPTY, PRIVATE, STATIC, FINAL)
              .initializer("new byte[0]")
              .build());
    }
    binding.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Creates the binding; called by {@link $T}.\n", TypeNames.SERVICE_LOADER)
            .addModifiers(PUBLIC)
            .build());
    binding.addMethod(
        override("namespace", String.class).addStatement("return $S", model.namespace()).build());
    binding.addMethod(
        override("objectClass", ParameterizedTypeName.get(ClassName.get(Class.class), object))
            .addStatement("return $T.class", object)
            .build());
    binding.addMethod(
        override("methodNames", listOfString()).addStatement("return $N", METHOD_NAMES).build());
    binding.addMethod(
        override("fieldNames", listOfString()).addStatement("return $N", FIELD_NAMES).build());
    binding.addMethod(newInstance(model, helpers));
    binding.addMethod(decode(model, helpers));
    if (model.rpcs().stream().anyMatch(RpcModel::isStream)) {
      binding.addMethod(isStream(model));
      binding.addMethod(decodeStream(model, helpers));
    }
    binding.addMethod(writeFields(model, helpers));
    binding.addMethod(readFields(model, helpers));
    binding.addMethod(onActivate(model));
    binding.addMethod(
        override("hasAlarm", boolean.class)
            .addStatement("return $L", model.alarm().isPresent())
            .build());
    binding.addMethod(fireAlarm(model));
    for (RpcModel rpc : model.rpcs()) {
      binding.addMethod(decodeRequest(model, rpc, helpers));
      binding.addMethod(invoke(model, rpc, helpers));
    }
    for (TypeShape type : helpers.encodedTypes()) {
      binding.addMethod(encodeValue(type, helpers.encode.get(type), helpers.values));
    }
    for (TypeShape type : helpers.decodedTypes()) {
      binding.addMethod(decodeValue(type, helpers.decode.get(type), helpers.values));
    }
  }

  private static MethodSpec newInstance(ObjectModel model, Helpers helpers) {
    ConstructorModel constructor =
        model
            .constructor()
            .orElseThrow(() -> new IllegalStateException("No usable constructor: " + model));
    MethodSpec.Builder method =
        override("newInstance", Names.objectClass(model))
            .addParameter(TypeNames.OBJECT_CONTEXT, "context");
    suppressDeprecationIf(
        model,
        method,
        constructor.deprecated() || model.maps().stream().anyMatch(MapFieldModel::deprecated));
    CodeBlock create =
        constructor.kind() == ConstructorModel.Kind.CONTEXT
            ? CodeBlock.of("new $T(context)", Names.objectClass(model))
            : CodeBlock.of("new $T()", Names.objectClass(model));
    if (model.maps().isEmpty()) {
      return method.addStatement("return $L", create).build();
    }
    method.addStatement("$T $N = $L", Names.objectClass(model), OBJECT, create);
    for (MapFieldModel map : model.maps()) {
      method.addStatement(
          "$N.$N = new $T<>(context,$W$S,$W$T.$N,$W$T::$N,$W$T::$N)",
          OBJECT,
          map.name(),
          TypeNames.STORAGE_MAP,
          map.name(),
          TypeNames.MAP_KEY_CODECS,
          keyCodec(map.key()),
          Names.binding(model),
          helpers.encode.get(map.value()),
          Names.binding(model),
          helpers.decode.get(map.value()));
    }
    return method.addStatement("return $N", OBJECT).build();
  }

  /** The {@code MapKeyCodecs} constant for a valid {@code DurableMap} key type. */
  private static String keyCodec(TypeShape key) {
    if (key instanceof TypeShape.WellKnown) {
      return ((TypeShape.WellKnown) key).kind().name();
    }
    switch (((TypeShape.Scalar) key).type()) {
      case STRING:
        return "STRING";
      case BOXED_LONG:
        return "LONG";
      case BOXED_INT:
        return "INTEGER";
      case BOXED_SHORT:
        return "SHORT";
      case BOXED_BYTE:
        return "BYTE";
      default:
        throw new IllegalArgumentException("Not a DurableMap key type: " + key);
    }
  }

  private static MethodSpec decode(ObjectModel model, Helpers helpers) {
    MethodSpec.Builder method =
        override(
                "decode", ParameterizedTypeName.get(TypeNames.INVOCATION, Names.objectClass(model)))
            .addParameter(String.class, "method")
            .addParameter(TypeNames.BYTE_ARRAY, "request");
    CodeBlock unknown =
        CodeBlock.of(
            "throw new $T($S$W+ method$W+ $S$W+ $N)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Namespace " + model.namespace() + " has no method '",
            "'; it has ",
            METHOD_NAMES);
    if (model.rpcs().isEmpty()) {
      return method.addStatement("$L", unknown).build();
    }
    method.beginControlFlow("switch (method)");
    for (RpcModel rpc : model.rpcs()) {
      method.addCode("case $S:\n$>", rpc.name());
      if (rpc.isStream()) {
        method.addStatement(
            "throw new $T($S$W+ $S)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Method '" + rpc.name() + "' of namespace " + model.namespace(),
            " is a streaming method: call it with Invoker.stream");
      } else {
        method.addStatement("return $N(request)", helpers.decodeRequest.get(rpc));
      }
      method.addCode("$<");
    }
    method.addCode("default:\n$>").addStatement("$L", unknown).addCode("$<");
    return method.endControlFlow().build();
  }

  /** {@code isStream(method)}: true for the streaming methods. */
  private static MethodSpec isStream(ObjectModel model) {
    MethodSpec.Builder method =
        override("isStream", boolean.class)
            .addParameter(String.class, "method")
            .beginControlFlow("switch (method)");
    for (RpcModel rpc : model.rpcs()) {
      if (rpc.isStream()) {
        method.addCode("case $S:\n", rpc.name());
      }
    }
    return method
        .addCode("$>")
        .addStatement("return true")
        .addCode("$<default:\n$>")
        .addStatement("return false")
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  /**
   * {@code decodeStream(method, request)}: a streaming method's request; a unary method's name gets
   * a message saying so, since calling it with {@code Invoker.stream} is the likely mistake.
   */
  private static MethodSpec decodeStream(ObjectModel model, Helpers helpers) {
    MethodSpec.Builder method =
        override(
                "decodeStream",
                ParameterizedTypeName.get(TypeNames.STREAM_INVOCATION, Names.objectClass(model)))
            .addParameter(String.class, "method")
            .addParameter(TypeNames.BYTE_ARRAY, "request")
            .beginControlFlow("switch (method)");
    for (RpcModel rpc : model.rpcs()) {
      if (rpc.isStream()) {
        method
            .addCode("case $S:\n$>", rpc.name())
            .addStatement("return $N(request)", helpers.decodeRequest.get(rpc))
            .addCode("$<");
      }
    }
    return method
        .addCode("default:\n$>")
        .beginControlFlow("if ($N.contains(method))", METHOD_NAMES)
        .addStatement(
            "throw new $T($S$W+ method$W+ $S$W+ $S)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Method '",
            "' of namespace " + model.namespace() + " is not a streaming method",
            ": call it with Invoker.call")
        .endControlFlow()
        .addStatement(
            "throw new $T($S$W+ method$W+ $S$W+ $N)",
            TypeNames.UNKNOWN_METHOD_EXCEPTION,
            "Namespace " + model.namespace() + " has no method '",
            "'; it has ",
            METHOD_NAMES)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static MethodSpec writeFields(ObjectModel model, Helpers helpers) {
    MethodSpec.Builder method =
        override("writeFields", void.class)
            .addParameter(Names.objectClass(model), OBJECT)
            .addParameter(TypeNames.FIELD_SINK, "sink");
    suppressDeprecationIf(
        model, method, model.fields().stream().anyMatch(PersistFieldModel::deprecated));
    for (PersistFieldModel field : model.fields()) {
      method.addStatement(
          "sink.put($S, $N($N.$N))",
          field.name(),
          helpers.encode.get(field.shape()),
          OBJECT,
          field.name());
    }
    return method.build();
  }

  private static MethodSpec readFields(ObjectModel model, Helpers helpers) {
    MethodSpec.Builder method =
        override("readFields", void.class)
            .addParameter(Names.objectClass(model), OBJECT)
            .addParameter(TypeNames.FIELD_SOURCE, "source");
    suppressDeprecationIf(
        model, method, model.fields().stream().anyMatch(PersistFieldModel::deprecated));
    for (PersistFieldModel field : model.fields()) {
      method.addStatement(
          "$N.$N = $N(source.get($S))",
          OBJECT,
          field.name(),
          helpers.decode.get(field.shape()),
          field.name());
    }
    return method.build();
  }

  private static MethodSpec onActivate(ObjectModel model) {
    MethodSpec.Builder method =
        override("onActivate", void.class)
            .addParameter(Names.objectClass(model), OBJECT)
            .addException(Exception.class);
    Optional<HookModel> hook = model.onActivate();
    if (hook.isPresent()) {
      suppressDeprecationIf(model, method, hook.get().deprecated());
      method.addStatement("$N.$N()", OBJECT, hook.get().name());
    }
    return method.build();
  }

  private static MethodSpec fireAlarm(ObjectModel model) {
    MethodSpec.Builder method =
        override("fireAlarm", void.class)
            .addParameter(Names.objectClass(model), OBJECT)
            .addParameter(TypeNames.ALARM_INFO, "info")
            .addException(Exception.class);
    Optional<HookModel> hook = model.alarm();
    if (hook.isPresent()) {
      suppressDeprecationIf(model, method, hook.get().deprecated());
      if (hook.get().takesAlarmInfo()) {
        method.addStatement("$N.$N(info)", OBJECT, hook.get().name());
      } else {
        method.addStatement("$N.$N()", OBJECT, hook.get().name());
      }
    }
    return method.build();
  }

  /** {@code decodeX(byte[] request)}: decodes the arguments, then defers to {@code invokeX}. */
  private static MethodSpec decodeRequest(ObjectModel model, RpcModel rpc, Helpers helpers) {
    NameAllocator locals = new NameAllocator();
    List<WireCode.Field> fields = new ArrayList<>();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < rpc.parameters().size(); i++) {
      ParameterModel p = rpc.parameters().get(i);
      locals.newName(p.name(), p);
      fields.add(new WireCode.Field(i + 1, p.shape(), p.name()));
      args.add(CodeBlock.of("$N", p.name()));
    }
    String request = locals.newName("request");
    return MethodSpec.methodBuilder(helpers.decodeRequest.get(rpc))
        .addModifiers(PRIVATE, STATIC)
        .returns(invocationType(model, rpc))
        .addParameter(TypeNames.BYTE_ARRAY, request)
        .addCode(
            WireCode.decode(
                CodeBlock.of("$N", request),
                fields,
                locals.newName("reader"),
                locals.newName("tag"),
                helpers.values))
        .addStatement("return $N($L)", helpers.invoke.get(rpc), CodeBlock.join(args, ",$W"))
        .build();
  }

  /**
   * {@code invokeX(args)}: the {@code Invocation} that calls the method with the decoded arguments
   * and encodes its result. A method of its own so the lambda captures effectively final
   * parameters.
   */
  private static MethodSpec invoke(ObjectModel model, RpcModel rpc, Helpers helpers) {
    NameAllocator locals = new NameAllocator();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(helpers.invoke.get(rpc))
            .addModifiers(PRIVATE, STATIC)
            .returns(invocationType(model, rpc));
    suppressDeprecationIf(model, method, rpc.deprecated());
    List<CodeBlock> args = new ArrayList<>();
    for (ParameterModel p : rpc.parameters()) {
      locals.newName(p.name(), p);
      method.addParameter(TypeNames.of(p.shape()), p.name());
      args.add(CodeBlock.of("$N", p.name()));
    }
    String object = locals.newName(OBJECT);
    if (rpc.isStream()) {
      // The object gets a typed view of the host's sink that encodes each event as a reply.
      String sink = locals.newName("sink");
      args.add(
          CodeBlock.of(
              "$T.encoding($N,$W$T::$N)",
              TypeNames.STREAMS,
              sink,
              Names.binding(model),
              helpers.encode.get(rpc.resultShape())));
      return method
          .addStatement(
              "return ($N, $N) ->$W$N.$N($L)",
              object,
              sink,
              object,
              rpc.name(),
              CodeBlock.join(args, ",$W"))
          .build();
    }
    CodeBlock call = CodeBlock.of("$N.$N($L)", object, rpc.name(), CodeBlock.join(args, ",$W"));
    if (rpc.returnsVoid()) {
      boolean shadowed = rpc.parameters().stream().anyMatch(p -> p.name().equals(EMPTY));
      CodeBlock empty =
          shadowed ? CodeBlock.of("$T.$N", Names.binding(model), EMPTY) : CodeBlock.of("$N", EMPTY);
      method
          .addCode("return $N -> {\n$>", object)
          .addStatement("$L", call)
          .addStatement("return $L", empty)
          .addCode("$<};\n");
    } else {
      method.addStatement(
          "return $N -> $N($L)", object, helpers.encode.get(rpc.returnShape()), call);
    }
    return method.build();
  }

  /** {@code StreamInvocation<X>} for a streaming method, {@code Invocation<X>} otherwise. */
  private static TypeName invocationType(ObjectModel model, RpcModel rpc) {
    return ParameterizedTypeName.get(
        rpc.isStream() ? TypeNames.STREAM_INVOCATION : TypeNames.INVOCATION,
        Names.objectClass(model));
  }

  /** {@code encodeLong(long value)}: a message whose field 1 holds {@code value}. */
  private static MethodSpec encodeValue(TypeShape type, String name, ValueCode values) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE, STATIC)
        .returns(TypeNames.BYTE_ARRAY)
        .addParameter(TypeNames.of(type), "value")
        .addCode(
            WireCode.encodeAndReturn(
                List.of(new WireCode.Field(1, type, "value")), "writer", values))
        .build();
  }

  /**
   * {@code decodeLong(byte[] message)}: field 1 of {@code message}; the type's default when the
   * field is absent or {@code message} is null (a field never stored).
   */
  private static MethodSpec decodeValue(TypeShape type, String name, ValueCode values) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE, STATIC)
        .returns(TypeNames.of(type))
        .addParameter(TypeNames.BYTE_ARRAY, "message")
        .beginControlFlow("if (message == null)")
        .addStatement("return $L", WireCode.defaultValue(type, values))
        .endControlFlow()
        .addCode(
            WireCode.decode(
                CodeBlock.of("message"),
                List.of(new WireCode.Field(1, type, "value")),
                "reader",
                "tag",
                values))
        .addStatement("return value")
        .build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(returns);
  }

  private static MethodSpec.Builder override(String name, Class<?> returns) {
    return override(name, TypeName.get(returns));
  }

  private static TypeName listOfString() {
    return ParameterizedTypeName.get(TypeNames.LIST, ClassName.get(String.class));
  }

  private static CodeBlock listOf(List<String> values) {
    List<CodeBlock> items = new ArrayList<>();
    for (String v : values) {
      items.add(CodeBlock.of("$S", v));
    }
    return CodeBlock.of("$T.of($L)", TypeNames.LIST, CodeBlock.join(items, ",$W"));
  }

  /**
   * Calling deprecated user code from generated code must not warn: the user chose to deprecate it,
   * and the binding has to keep calling it.
   */
  private static AnnotationSpec suppressDeprecation() {
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$S, $S}", "deprecation", "removal")
        .build();
  }

  private static void suppressDeprecationIf(
      ObjectModel model, MethodSpec.Builder method, boolean deprecated) {
    // A deprecated class already suppresses deprecation warnings for the whole binding.
    if (deprecated && !model.deprecated()) {
      method.addAnnotation(suppressDeprecation());
    }
  }

  /** Names of the private helpers, unique among the binding's members. */
  private static final class Helpers {
    final Map<RpcModel, String> decodeRequest = new HashMap<>();
    final Map<RpcModel, String> invoke = new HashMap<>();
    final Set<ScalarType> encodedScalars = EnumSet.noneOf(ScalarType.class);
    final Set<ScalarType> decodedScalars = EnumSet.noneOf(ScalarType.class);
    final Set<TypeShape> encodedOthers = new LinkedHashSet<>();
    final Set<TypeShape> decodedOthers = new LinkedHashSet<>();
    final Map<TypeShape, String> encode = new HashMap<>();
    final Map<TypeShape, String> decode = new HashMap<>();
    final ValueCode values;

    /** Scalars in declaration order of {@link ScalarType}, then other shapes as first used. */
    List<TypeShape> encodedTypes() {
      return ordered(encodedScalars, encodedOthers);
    }

    List<TypeShape> decodedTypes() {
      return ordered(decodedScalars, decodedOthers);
    }

    private static List<TypeShape> ordered(Set<ScalarType> scalars, Set<TypeShape> others) {
      List<TypeShape> all = new ArrayList<>();
      for (ScalarType t : scalars) {
        all.add(new TypeShape.Scalar(t));
      }
      all.addAll(others);
      return all;
    }

    private static void add(TypeShape shape, Set<ScalarType> scalars, Set<TypeShape> others) {
      if (shape instanceof TypeShape.Scalar) {
        scalars.add(((TypeShape.Scalar) shape).type());
      } else {
        others.add(shape);
      }
    }

    Helpers(ObjectModel model) {
      values = new ValueCode(new Shapes(model));
      NameAllocator names = new NameAllocator();
      for (String member :
          List.of(
              "namespace",
              "objectClass",
              "methodNames",
              "fieldNames",
              "newInstance",
              "decode",
              "isStream",
              "decodeStream",
              "writeFields",
              "readFields",
              "onActivate",
              "hasAlarm",
              "fireAlarm")) {
        names.newName(member, member);
      }
      for (RpcModel rpc : model.rpcs()) {
        String suffix = Names.capitalize(rpc.name());
        decodeRequest.put(rpc, names.newName("decode" + suffix, new Object()));
        invoke.put(rpc, names.newName("invoke" + suffix, new Object()));
        if (!(rpc.resultShape() instanceof TypeShape.VoidShape)) {
          add(rpc.resultShape(), encodedScalars, encodedOthers);
        }
      }
      for (PersistFieldModel field : model.fields()) {
        add(field.shape(), encodedScalars, encodedOthers);
        add(field.shape(), decodedScalars, decodedOthers);
      }
      for (MapFieldModel map : model.maps()) {
        add(map.value(), encodedScalars, encodedOthers);
        add(map.value(), decodedScalars, decodedOthers);
      }
      for (TypeShape type : encodedTypes()) {
        encode.put(type, names.newName("encode" + valueName(type), new Object()));
      }
      for (TypeShape type : decodedTypes()) {
        decode.put(type, names.newName("decode" + valueName(type), new Object()));
      }
    }

    /** {@code Long} for {@code long}, {@code BoxedLong} for {@code Long}, {@code Bytes}. */
    private static String valueName(TypeShape shape) {
      if (!(shape instanceof TypeShape.Scalar)) {
        return Shapes.mangle(shape);
      }
      ScalarType type = ((TypeShape.Scalar) shape).type();
      switch (type) {
        case STRING:
          return "String";
        case BYTES:
          return "Bytes";
        default:
          String primitive = Names.capitalize(type.primitive().javaName());
          return type.isPrimitive() ? primitive : "Boxed" + primitive;
      }
    }
  }
}
