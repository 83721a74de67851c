package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

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
import dev.duro.processor.internal.model.TypeShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Generates {@code CounterStub}: the typed client of one object, implementing {@code CounterApi}.
 * Each unary {@code @Rpc} method becomes a blocking method of the same name and parameters, and a
 * method of the nested {@code Async} view returning a {@code CompletableFuture}; each streaming
 * method (last parameter an {@code EventSink<E>}) becomes a method without the sink returning a
 * {@code Flow.Publisher<E>}, on the stub only, since a publisher is asynchronous already. Requests
 * and replies (and events) are encoded by private static helpers ({@code encodeIncrement}, {@code
 * decodeIncrement}) written by {@link WireCode}. {@code withDeadline} makes a copy whose invoker
 * gives each call a deadline ({@code Calls.withTimeout}).
 */
public final class StubGenerator extends SourceFileGenerator {
  private static final String INVOKER = "invoker";
  private static final String ID = "id";
  private static final String ASYNC = "async";
  private static final String EMPTY = "EMPTY";
  private static final String WITH_DEADLINE = "withDeadline";
  private static final String WITH_DEADLINE_AFTER = "withDeadlineAfter";

  public StubGenerator(ProcessingEnvironment env) {
    super(env);
  }

  @Override
  public ClassName typeName(ObjectModel model) {
    return Names.stub(model);
  }

  @Override
  protected void build(ObjectModel model, TypeSpec.Builder stub) {
    ClassName self = Names.stub(model);
    ClassName async = Names.async(model);
    Map<RpcModel, String[]> helpers = helperNames(model);
    boolean streams = model.rpcs().stream().anyMatch(RpcModel::isStream);
    stub.addModifiers(PUBLIC, FINAL)
        .addSuperinterface(Names.api(model))
        .addJavadoc(
            "Typed client for the durable object class {@link $T}, namespace {@code $S}.\n\n"
                + "<p>Each method call runs as one turn of the object identified by {@link #id()}."
                + " Blocking methods wait for the reply; {@link #async()} has the same methods"
                + " returning futures. Failures are unchecked {@link $T}s; when the object's method"
                + " threw, a {@link $T} carrying its type and message.$L "
                + "{@link #withDeadline} gives calls a deadline.\n\n"
                + "<p>Get instances from {@link $T}. Instances are immutable and thread-safe.\n",
            Names.objectClass(model),
            model.namespace(),
            TypeNames.DURO_EXCEPTION,
            TypeNames.REMOTE_FAILURE_EXCEPTION,
            streams
                ? " Streaming methods return a {@link java.util.concurrent.Flow.Publisher} of"
                    + " the object's events instead."
                : "",
            Names.namespace(model))
        .addField(TypeNames.INVOKER, INVOKER, PRIVATE, FINAL)
        .addField(TypeNames.OBJECT_ID, ID, PRIVATE, FINAL)
        .addField(async, ASYNC, PRIVATE, FINAL);
    if (model.rpcs().stream().anyMatch(r -> r.parameters().isEmpty())) {
      stub.addField(
          FieldSpec.builder(TypeNames.BYTE_ARRAY, EMPTY, PRIVATE, STATIC, FINAL)
              .initializer("new byte[0]")
              .build());
    }
    stub.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Made by {@link $T}.\n", Names.namespace(model))
            .addParameter(TypeNames.INVOKER, INVOKER)
            .addParameter(TypeNames.OBJECT_ID, ID)
            .addStatement("this.$N = $N", INVOKER, INVOKER)
            .addStatement("this.$N = $N", ID, ID)
            .addStatement("this.$N = new $T()", ASYNC, async)
            .build());
    stub.addMethod(
        MethodSpec.methodBuilder(ID)
            .addJavadoc("The id of the object this stub calls.\n")
            .addModifiers(PUBLIC)
            .returns(TypeNames.OBJECT_ID)
            .addStatement("return $N", ID)
            .build());
    stub.addMethod(
        MethodSpec.methodBuilder(WITH_DEADLINE)
            .addJavadoc(
                "A stub for the same object whose calls each get a deadline {@code timeout} after"
                    + " they are sent: blocking calls, {@link #async()} calls and subscriptions to"
                    + " streaming methods. It replaces this stub's own deadline, if any; an earlier"
                    + " deadline of the caller still wins (the calling turn's or {@link $T}'s, or"
                    + " the invoker's own, such as a client's with a deadline). A call still"
                    + " waiting when its deadline passes fails with {@link $T}; if its turn had not"
                    + " started, it never runs. A stream's deadline bounds the whole stream.\n\n"
                    + "<p>Cheap: make one per timeout and keep it, or one per call.\n\n"
                    + "@throws IllegalArgumentException if {@code timeout} is zero or negative\n",
                TypeNames.CALL_CONTEXT,
                TypeNames.DEADLINE_EXCEEDED_EXCEPTION)
            .addModifiers(PUBLIC)
            .returns(self)
            .addParameter(TypeNames.DURATION, "timeout")
            .addStatement(
                "return new $T($T.withTimeout($N, timeout), $N)",
                self,
                TypeNames.CALLS,
                INVOKER,
                ID)
            .build());
    stub.addMethod(
        MethodSpec.methodBuilder(WITH_DEADLINE_AFTER)
            .addJavadoc(
                "Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC"
                    + " stubs' {@code withDeadlineAfter}.\n\n"
                    + "@throws IllegalArgumentException if {@code duration} is zero or negative\n")
            .addModifiers(PUBLIC)
            .returns(self)
            .addParameter(long.class, "duration")
            .addParameter(TypeNames.TIME_UNIT, "unit")
            .addStatement(
                "return $N($T.ofNanos(unit.toNanos(duration)))", WITH_DEADLINE, TypeNames.DURATION)
            .build());
    for (RpcModel rpc : model.rpcs()) {
      stub.addMethod(
          rpc.isStream()
              ? streamMethod(model, rpc, helpers.get(rpc))
              : blockingMethod(model, rpc, helpers.get(rpc)));
    }
    stub.addMethod(
        MethodSpec.methodBuilder(ASYNC)
            .addJavadoc("The asynchronous view of this stub, calling the same object.\n")
            .addModifiers(PUBLIC)
            .returns(async)
            .addStatement("return $N", ASYNC)
            .build());
    stub.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(String.class)
            .addStatement("return $S + $N + $S", self.simpleName() + "[", ID, "]")
            .build());
    ValueCode values = new ValueCode(new Shapes(model));
    for (RpcModel rpc : model.rpcs()) {
      if (!rpc.parameters().isEmpty()) {
        stub.addMethod(encodeRequest(rpc, helpers.get(rpc)[0], values));
      }
      stub.addMethod(decodeReply(rpc, helpers.get(rpc)[1], values));
      if (!rpc.isStream() && !rpc.constructibleThrown().isEmpty()) {
        stub.addMethod(typedFailure(rpc, helpers.get(rpc)[2]));
      }
    }
    stub.addType(asyncType(model, helpers));
  }

  private MethodSpec blockingMethod(ObjectModel model, RpcModel rpc, String[] helpers) {
    CodeBlock call =
        CodeBlock.of(
            "$L.callBlocking($S,$W$L,$W$S,$W$L)",
            member(INVOKER, rpc, null),
            model.namespace(),
            member(ID, rpc, null),
            rpc.name(),
            request(rpc, helpers[0], Names.stub(model)));
    MethodSpec.Builder method = apiMethod(model, rpc, true);
    List<ThrownType> typed = rpc.constructibleThrown();
    if (!typed.isEmpty()) {
      NameAllocator locals = new NameAllocator();
      rpc.parameters().forEach(p -> locals.newName(p.name(), p));
      String failure = locals.newName("failure");
      String rethrown = locals.newName("typed");
      method.beginControlFlow("try");
      addCall(method, rpc, helpers, call);
      method
          .nextControlFlow("catch ($T $N)", TypeNames.REMOTE_FAILURE_EXCEPTION, failure)
          .addStatement("$T $N = $N($N)", Throwable.class, rethrown, helpers[2], failure);
      for (ThrownType t : typed) {
        TypeName type = TypeName.get(t.type());
        method
            .beginControlFlow("if ($N instanceof $T)", rethrown, type)
            .addStatement("throw ($T) $N", type, rethrown)
            .endControlFlow();
      }
      return method.addStatement("throw $N", failure).endControlFlow().build();
    }
    addCall(method, rpc, helpers, call);
    return method.build();
  }

  /**
   * A streaming method: the publisher whose every subscription sends one call. Declared exceptions
   * are not rethrown typed: errors reach {@code onError} as they come.
   */
  private MethodSpec streamMethod(ObjectModel model, RpcModel rpc, String[] helpers) {
    ClassName self = Names.stub(model);
    return apiMethod(model, rpc, true)
        .addStatement(
            "return $T.map($L.stream($S,$W$L,$W$S,$W$L),$W$T::$N)",
            TypeNames.STREAMS,
            member(INVOKER, rpc, null),
            model.namespace(),
            member(ID, rpc, null),
            rpc.name(),
            request(rpc, helpers[0], self),
            self,
            helpers[1])
        .build();
  }

  /**
   * The method of {@code XApi} for {@code rpc}, implemented by the stub ({@code override}) or
   * abstract: name, parameters, result, {@code throws}, javadoc and {@code @Deprecated}.
   */
  static MethodSpec.Builder apiMethod(ObjectModel model, RpcModel rpc, boolean override) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(rpc.name()).addModifiers(PUBLIC);
    if (override) {
      method.addAnnotation(Override.class);
    }
    if (rpc.deprecated()) {
      method.addAnnotation(Deprecated.class);
    }
    for (ParameterModel p : rpc.parameters()) {
      method.addParameter(TypeNames.of(p.shape()), p.name());
    }
    if (rpc.isStream()) {
      return method.returns(publisherOf(rpc)).addJavadoc(streamJavadoc(model, rpc));
    }
    for (ThrownType t : rpc.thrown()) {
      if (t.nameable()) {
        method.addException(TypeName.get(t.type()));
      }
    }
    return method.returns(TypeNames.of(rpc.returnShape())).addJavadoc(blockingJavadoc(model, rpc));
  }

  /** {@code Flow.Publisher<E>} for a streaming method with events of type {@code E}. */
  private static TypeName publisherOf(RpcModel rpc) {
    return ParameterizedTypeName.get(
        TypeNames.FLOW_PUBLISHER, TypeNames.of(rpc.resultShape()).box());
  }

  private static CodeBlock streamJavadoc(ObjectModel model, RpcModel rpc) {
    String sink = rpc.events().orElseThrow().name();
    String doc =
        rpc.javadoc()
            .map(Javadocs::withoutThrows)
            .map(d -> Javadocs.withoutParam(d, sink))
            .map(d -> Javadocs.qualifyMemberLinks(d, String.join(".", model.simpleNames())))
            .orElse("");
    CodeBlock.Builder javadoc = CodeBlock.builder();
    String description = Javadocs.description(doc);
    if (description.isEmpty()) {
      javadoc.add(
          "Subscribes to {@link $T#$L} on the object.\n\n",
          Names.objectClass(model),
          Javadocs.objectMemberReference(rpc));
    } else {
      javadoc.add("$L\n", description);
    }
    javadoc.add(
        "<p>A streaming method: each {@code subscribe} to the returned publisher makes one call,"
            + " and the subscriber receives the events the object sends to {@code $L}, in order."
            + " Nothing is sent before a subscription. {@code request(n)} is flow control: the"
            + " object's sink holds back (and, when full, refuses) events not yet requested."
            + " {@code cancel()} ends the call, and the object's {@code onClose} actions run."
            + " Errors arrive in {@code onError} as {@link $T}s, a {@link $T} if the object's"
            + " method threw; exceptions the method declares are not rethrown as their own types"
            + " for streams.\n\n",
        sink,
        TypeNames.DURO_EXCEPTION,
        TypeNames.REMOTE_FAILURE_EXCEPTION);
    javadoc.add("$L", Javadocs.blockTags(doc));
    return javadoc
        .add("@return the events of one call per subscription\n")
        .add(
            "@throws $T if an argument cannot be encoded; call failures arrive in {@code"
                + " onError}\n",
            TypeNames.DURO_EXCEPTION)
        .build();
  }

  private static void addCall(
      MethodSpec.Builder method, RpcModel rpc, String[] helpers, CodeBlock call) {
    if (rpc.returnsVoid()) {
      method.addStatement("$N($L)", helpers[1], call);
    } else {
      method.addStatement("return $N($L)", helpers[1], call);
    }
  }

  /**
   * The declared exception a remote failure becomes: a new instance of the declared type whose
   * binary name is the remote type, with the failure as cause; otherwise the failure itself.
   */
  private static MethodSpec typedFailure(RpcModel rpc, String name) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(PRIVATE, STATIC)
            .returns(Throwable.class)
            .addParameter(TypeNames.REMOTE_FAILURE_EXCEPTION, "failure")
            .addStatement("$T type = failure.remoteType()", String.class);
    for (ThrownType t : rpc.constructibleThrown()) {
      CodeBlock instance =
          t.construction() == ThrownType.Construction.MESSAGE
              ? CodeBlock.of("new $T(failure.remoteMessage())", TypeName.get(t.type()))
              : CodeBlock.of("new $T()", TypeName.get(t.type()));
      method
          .beginControlFlow("if (type.equals($S))", t.binaryName())
          .addStatement("return $T.withCause($L, failure)", TypeNames.CALLS, instance)
          .endControlFlow();
    }
    return method.addStatement("return failure").build();
  }

  private static CodeBlock blockingJavadoc(ObjectModel model, RpcModel rpc) {
    String doc =
        rpc.javadoc()
            .map(Javadocs::withoutThrows)
            .map(d -> Javadocs.qualifyMemberLinks(d, String.join(".", model.simpleNames())))
            .orElse("");
    CodeBlock.Builder javadoc = CodeBlock.builder();
    if (doc.isEmpty()) {
      javadoc.add(
          "Calls {@link $T#$L} on the object.\n\n",
          Names.objectClass(model),
          Javadocs.memberReference(rpc));
    } else {
      javadoc.add("$L", doc);
      if (!Javadocs.hasBlockTags(doc)) {
        javadoc.add("\n");
      }
    }
    for (ThrownType t : rpc.thrown()) {
      if (!t.nameable()) {
        continue;
      }
      if (t.construction() == ThrownType.Construction.NONE) {
        javadoc.add(
            "@throws $T never: the stub cannot construct it, so it throws a {@link $T}\n",
            TypeName.get(t.type()),
            TypeNames.REMOTE_FAILURE_EXCEPTION);
      } else {
        javadoc.add(
            "@throws $T if the object's method threw exactly this type (a new instance, with the"
                + " remote failure as cause)\n",
            TypeName.get(t.type()));
      }
    }
    return javadoc
        .add(
            "@throws $T if the call failed; a {@link $T} if the object's method threw\n",
            TypeNames.DURO_EXCEPTION,
            TypeNames.REMOTE_FAILURE_EXCEPTION)
        .build();
  }

  private static TypeSpec asyncType(ObjectModel model, Map<RpcModel, String[]> helpers) {
    ClassName self = Names.stub(model);
    TypeSpec.Builder async =
        TypeSpec.classBuilder(Names.async(model))
            .addModifiers(PUBLIC, FINAL)
            .addAnnotation(TypeNames.DURO_GENERATED)
            .addJavadoc(
                "Asynchronous view of a {@link $T}: each method sends the same call and returns at"
                    + " once. Its future completes with the result, or exceptionally with a {@link"
                    + " $T} (wrapped in a {@code CompletionException} by dependent stages, as"
                    + " usual).$L Thread-safe.\n",
                self,
                TypeNames.DURO_EXCEPTION,
                model.rpcs().stream().anyMatch(RpcModel::isStream)
                    ? " Streaming methods are on the stub only: their publishers are asynchronous"
                        + " already."
                    : "")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    for (RpcModel rpc : model.rpcs()) {
      if (rpc.isStream()) {
        continue; // its publisher is asynchronous already; it is on the stub only
      }
      String[] names = helpers.get(rpc);
      TypeName result =
          rpc.returnsVoid() ? ClassName.get(Void.class) : TypeNames.of(rpc.returnShape()).box();
      NameAllocator locals = new NameAllocator();
      rpc.parameters().forEach(p -> locals.newName(p.name(), p));
      String t = locals.newName("failure");
      CodeBlock typed =
          rpc.constructibleThrown().isEmpty()
              ? CodeBlock.of("")
              : CodeBlock.of(
                  "$Z.exceptionallyCompose($N -> $T.failed($N, $T::$N))",
                  t,
                  TypeNames.CALLS,
                  t,
                  self,
                  names[2]);
      async.addMethod(
          signature(rpc, ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, result))
              .addJavadoc("Asynchronous {@link $T#$L}.\n", self, Javadocs.memberReference(rpc))
              .addStatement(
                  "return $L.call($S,$W$L,$W$S,$W$L)$Z.thenApply($T::$N)$L",
                  member(INVOKER, rpc, self),
                  model.namespace(),
                  member(ID, rpc, self),
                  rpc.name(),
                  request(rpc, names[0], self),
                  self,
                  names[1],
                  typed)
              .build());
    }
    return async.build();
  }

  /** A public method of {@code Async} with {@code rpc}'s name and parameters. */
  private static MethodSpec.Builder signature(RpcModel rpc, TypeName returns) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(rpc.name()).addModifiers(PUBLIC).returns(returns);
    if (rpc.deprecated()) {
      method.addAnnotation(Deprecated.class);
    }
    for (ParameterModel p : rpc.parameters()) {
      method.addParameter(TypeNames.of(p.shape()), p.name());
    }
    return method;
  }

  /** The request bytes: the shared empty message, or a call of the encode helper. */
  private static CodeBlock request(RpcModel rpc, String encode, ClassName self) {
    if (rpc.parameters().isEmpty()) {
      return CodeBlock.of("$N", EMPTY);
    }
    List<CodeBlock> args = new ArrayList<>();
    for (ParameterModel p : rpc.parameters()) {
      args.add(CodeBlock.of("$N", p.name()));
    }
    return CodeBlock.of("$N($L)", encode, CodeBlock.join(args, ",$W"));
  }

  /**
   * A reference to a stub field from a method of {@code rpc}: qualified when one of its parameters
   * (whose names are the user's) shadows it; {@code outer} is set inside {@code Async}.
   */
  private static CodeBlock member(String field, RpcModel rpc, @Nullable ClassName outer) {
    boolean shadowed = rpc.parameters().stream().anyMatch(p -> p.name().equals(field));
    if (!shadowed) {
      return CodeBlock.of("$N", field);
    }
    return outer == null
        ? CodeBlock.of("this.$N", field)
        : CodeBlock.of("$T.this.$N", outer, field);
  }

  private static MethodSpec encodeRequest(RpcModel rpc, String name, ValueCode values) {
    NameAllocator locals = new NameAllocator();
    List<WireCode.Field> fields = new ArrayList<>();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addModifiers(PRIVATE, STATIC).returns(TypeNames.BYTE_ARRAY);
    for (int i = 0; i < rpc.parameters().size(); i++) {
      ParameterModel p = rpc.parameters().get(i);
      locals.newName(p.name(), p);
      method.addParameter(TypeNames.of(p.shape()), p.name());
      fields.add(new WireCode.Field(i + 1, p.shape(), p.name()));
    }
    return method
        .addCode(WireCode.encodeAndReturn(fields, locals.newName("writer"), values))
        .build();
  }

  /** Decodes a reply, or one event of a streaming method: field 1 is the value either way. */
  private static MethodSpec decodeReply(RpcModel rpc, String name, ValueCode values) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(PRIVATE, STATIC)
            .addParameter(TypeNames.BYTE_ARRAY, "reply");
    TypeShape result = rpc.resultShape();
    if (result instanceof TypeShape.VoidShape) {
      // The reply is an empty message; decoding it still rejects malformed bytes.
      return method
          .returns(Void.class)
          .addCode(WireCode.decode(CodeBlock.of("reply"), List.of(), "reader", "tag", values))
          .addStatement("return null")
          .build();
    }
    method
        .returns(TypeNames.of(result))
        .addCode(
            WireCode.decode(
                CodeBlock.of("reply"),
                List.of(new WireCode.Field(1, result, "value")),
                "reader",
                "tag",
                values));
    if (rpc.isStream() && WireCode.nullByDefault(result)) {
      // Sinks refuse null events, so an event without a value was not sent by Duro; publishers
      // must not pass null to onNext either.
      method
          .beginControlFlow("if (value == null)")
          .addStatement(
              "throw new $T($S)",
              TypeNames.CODEC_EXCEPTION,
              "An event of " + rpc.name() + " has no value (field 1)")
          .endControlFlow();
    }
    return method.addStatement("return value").build();
  }

  /**
   * Names of the encode and decode helpers of each {@code @Rpc} method, unique among the stub's
   * members even when two method names differ only in case.
   */
  private static Map<RpcModel, String[]> helperNames(ObjectModel model) {
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of(ID, ASYNC, WITH_DEADLINE, WITH_DEADLINE_AFTER, "toString")) {
      names.newName(reserved, reserved);
    }
    for (RpcModel rpc : model.rpcs()) {
      names.newName(rpc.name(), rpc);
    }
    Map<RpcModel, String[]> helpers = new HashMap<>();
    for (RpcModel rpc : model.rpcs()) {
      String suffix = Names.capitalize(rpc.name());
      helpers.put(
          rpc,
          new String[] {
            names.newName("encode" + suffix, new Object()),
            names.newName("decode" + suffix, new Object()),
            names.newName("typed" + suffix, new Object())
          });
    }
    return helpers;
  }
}
