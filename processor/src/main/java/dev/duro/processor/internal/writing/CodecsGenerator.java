package dev.duro.processor.internal.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.TypeRegistry;
import dev.duro.processor.internal.model.TypeShape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Generates {@code Counter_Codecs}: reflection-free protobuf encoders and decoders of every record,
 * enum, protobuf message and wrapper message that {@code Counter}'s signatures and fields reach.
 * Generated per object class (never per record), so that two objects using the same record each own
 * their codecs and no file has two originating elements. Only generated when the object uses more
 * than scalars.
 *
 * <p>Records are messages whose field {@code n} is the {@code n}-th component (or its
 * {@code @Field} number); enums are {@code int32} numbers (ordinal, or {@code @Field}), and an
 * unknown number decodes as the constant numbered 0; see {@link ValueCode} for nulls and defaults.
 */
public final class CodecsGenerator extends SourceFileGenerator {
  public CodecsGenerator(ProcessingEnvironment env) {
    super(env);
  }

  @Override
  public ClassName typeName(ObjectModel model) {
    return Names.codecs(model);
  }

  @Override
  public void generate(ObjectModel model) throws IOException {
    if (new Shapes(model).needsCodecs()) {
      super.generate(model);
    }
  }

  @Override
  protected void build(ObjectModel model, TypeSpec.Builder codecs) {
    Shapes shapes = new Shapes(model);
    ValueCode values = new ValueCode(shapes);
    codecs
        .addModifiers(FINAL)
        .addJavadoc(
            "Protobuf encoders and decoders of the types {@link $T} uses; called by its stub and"
                + " binding. Stateless.\n",
            Names.objectClass(model))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    for (TypeShape shape : shapes.names.keySet()) {
      if (shape instanceof TypeShape.RecordRef) {
        TypeRegistry.RecordModel record = shapes.record((TypeShape.RecordRef) shape);
        codecs.addMethod(encodeRecord(shapes, values, shape, record));
        codecs.addMethod(decodeRecord(shapes, values, shape, record));
      } else if (shape instanceof TypeShape.EnumRef) {
        TypeRegistry.EnumModel e = shapes.enumModel((TypeShape.EnumRef) shape);
        codecs.addMethod(enumNumber(shapes, shape, e));
        codecs.addMethod(enumOf(shapes, shape, e));
      } else if (shape instanceof TypeShape.ProtoMessage) {
        codecs.addMethod(parseMessage(shapes, shape));
      }
    }
    for (TypeShape wrapper : shapes.wrappers) {
      codecs.addMethod(encodeWrapper(shapes, values, wrapper));
      codecs.addMethod(decodeWrapper(shapes, values, wrapper));
    }
    for (TypeShape.MapShape map : shapes.maps) {
      codecs.addMethod(putEntry(shapes, values, map));
    }
    codecs.addMethods(registerValueCodecs(shapes));
  }

  /** The name of the method that registers the typed-storage codecs; called by the binding. */
  static final String REGISTER = "registerValueCodecs";

  /**
   * Registers a {@code ValueCodec} for each record and enum, so that typed storage ({@code
   * storage().put(key, value)}, {@code get(key, Type.class)}) can store them: a value is a message
   * whose field 1 is the record (a nested message) or the enum's number.
   */
  private static List<MethodSpec> registerValueCodecs(Shapes shapes) {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder register =
        MethodSpec.methodBuilder(REGISTER)
            .addModifiers(STATIC)
            .addJavadoc(
                "Registers the codecs of the records and enums above for typed storage values.\n");
    for (TypeShape shape : shapes.storableTypes()) {
      TypeName type = Shapes.javaType(shape);
      String name = shapes.name(shape);
      boolean record = shape instanceof TypeShape.RecordRef;
      MethodSpec.Builder store =
          MethodSpec.methodBuilder("store" + name)
              .addModifiers(PRIVATE, STATIC)
              .returns(byte[].class)
              .addParameter(type, "value");
      MethodSpec.Builder stored =
          MethodSpec.methodBuilder("stored" + name)
              .addModifiers(PRIVATE, STATIC)
              .returns(type)
              .addParameter(byte[].class, "bytes")
              .addStatement("$T r = new $T(bytes)", TypeNames.PROTO_READER, TypeNames.PROTO_READER);
      if (record) {
        store.addStatement(
            "return new $T().writeMessage(1, encode$L(value)).toByteArray()",
            TypeNames.PROTO_WRITER,
            name);
        stored.addStatement("$T m = null", TypeNames.PROTO_READER);
      } else {
        store.addStatement(
            "return new $T().writeInt32(1, numberOf$L(value)).toByteArray()",
            TypeNames.PROTO_WRITER,
            name);
        stored.addStatement("int n = 0");
      }
      stored
          .beginControlFlow("for (int tag; (tag = r.readTag()) != 0; )")
          .beginControlFlow("if ($T.fieldNumber(tag) == 1)", TypeNames.WIRE_TYPE)
          .addStatement(record ? "m = r.readMessage(tag)" : "n = r.readInt32(tag)")
          .nextControlFlow("else")
          .addStatement("r.skip(tag)")
          .endControlFlow()
          .endControlFlow();
      if (record) {
        stored.addStatement(
            "return decode$L(m != null ? m : new $T(new byte[0]))", name, TypeNames.PROTO_READER);
      } else {
        stored.addStatement("return $N(n)", Names.decapitalize(name) + "Of");
      }
      methods.add(store.build());
      methods.add(stored.build());
      register.addStatement(
          "$T.register($T.of($T.class, $T::store$L, $T::stored$L))",
          TypeNames.VALUE_CODECS,
          TypeNames.VALUE_CODEC,
          rawType(type),
          shapes.codecs,
          name,
          shapes.codecs,
          name);
    }
    methods.add(register.build());
    return methods;
  }

  private static TypeName rawType(TypeName type) {
    return type instanceof com.palantir.javapoet.ParameterizedTypeName
        ? ((com.palantir.javapoet.ParameterizedTypeName) type).rawType()
        : type;
  }

  private static MethodSpec encodeRecord(
      Shapes shapes, ValueCode values, TypeShape shape, TypeRegistry.RecordModel record) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("encode" + shapes.name(shape))
            .addModifiers(STATIC)
            .returns(TypeNames.PROTO_WRITER)
            .addParameter(Shapes.javaType(shape), "value")
            .addStatement("$T w = new $T()", TypeNames.PROTO_WRITER, TypeNames.PROTO_WRITER);
    for (TypeRegistry.Component c : record.components()) {
      String local = values.local(c.name());
      method.addStatement("$T $N = value.$N()", Shapes.javaType(c.shape()), local, c.name());
      method.addCode(values.writeComponent(c.shape(), c.number(), local, "w", "." + c.name()));
    }
    return method.addStatement("return w").build();
  }

  private static MethodSpec decodeRecord(
      Shapes shapes, ValueCode values, TypeShape shape, TypeRegistry.RecordModel record) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("decode" + shapes.name(shape))
            .addModifiers(STATIC)
            .returns(Shapes.javaType(shape))
            .addParameter(TypeNames.PROTO_READER, "reader");
    List<String> locals = new ArrayList<>();
    for (TypeRegistry.Component c : record.components()) {
      String local = values.local(c.name());
      locals.add(local);
      method.addStatement(
          "$T $N = $L", Shapes.javaType(c.shape()), local, values.initialComponent(c.shape()));
    }
    CodeBlock.Builder loop = CodeBlock.builder();
    loop.beginControlFlow("for (int tag; (tag = reader.readTag()) != 0; )");
    loop.beginControlFlow("switch ($T.fieldNumber(tag))", TypeNames.WIRE_TYPE);
    for (int i = 0; i < record.components().size(); i++) {
      TypeRegistry.Component c = record.components().get(i);
      loop.add("case $L:\n", c.number())
          .indent()
          .add(values.readComponent(c.shape(), locals.get(i), "reader", "tag"))
          .addStatement("break")
          .unindent();
    }
    loop.add("default:\n").indent().addStatement("reader.skip(tag)").unindent();
    loop.endControlFlow().endControlFlow();
    method.addCode(loop.build());
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < record.components().size(); i++) {
      method.addCode(values.fixDefault(record.components().get(i).shape(), locals.get(i)));
      args.add(CodeBlock.of("$N", locals.get(i)));
    }
    return method
        .addStatement("return new $T($L)", Shapes.javaType(shape), CodeBlock.join(args, ",$W"))
        .build();
  }

  private static MethodSpec enumNumber(Shapes shapes, TypeShape shape, TypeRegistry.EnumModel e) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("numberOf" + shapes.name(shape))
            .addModifiers(STATIC)
            .returns(int.class)
            .addParameter(Shapes.javaType(shape), "value")
            .beginControlFlow("switch (value)");
    for (TypeRegistry.Constant c : e.constants()) {
      method.addCode("case $N:\n$>", c.name()).addStatement("return $L", c.number()).addCode("$<");
    }
    return method
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S + value)", IllegalArgumentException.class, "Unknown constant ")
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static MethodSpec enumOf(Shapes shapes, TypeShape shape, TypeRegistry.EnumModel e) {
    TypeName type = Shapes.javaType(shape);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(Names.decapitalize(shapes.name(shape)) + "Of")
            .addModifiers(STATIC)
            .returns(type)
            .addParameter(int.class, "number")
            .beginControlFlow("switch (number)");
    for (TypeRegistry.Constant c : e.constants()) {
      method
          .addCode("case $L:\n$>", c.number())
          .addStatement("return $T.$N", type, c.name())
          .addCode("$<");
    }
    return method
        .addCode("default:\n$>")
        .addComment("An unknown number, written by a newer version: the proto3 default.")
        .addStatement("return $T.$N", type, e.zero().orElseThrow().name())
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static MethodSpec parseMessage(Shapes shapes, TypeShape shape) {
    TypeName type = Shapes.javaType(shape);
    return MethodSpec.methodBuilder("parse" + shapes.name(shape))
        .addModifiers(STATIC)
        .returns(type)
        .addParameter(TypeNames.BYTE_ARRAY, "bytes")
        .beginControlFlow("try")
        .addStatement("return $T.parseFrom(bytes)", type)
        .nextControlFlow("catch ($T e)", TypeNames.INVALID_PROTOCOL_BUFFER)
        .addStatement(
            "throw new $T($S + e.getMessage())",
            TypeNames.CODEC_EXCEPTION,
            "Malformed " + shape.displayName() + ": ")
        .endControlFlow()
        .build();
  }

  private static MethodSpec encodeWrapper(Shapes shapes, ValueCode values, TypeShape shape) {
    return MethodSpec.methodBuilder("encode" + shapes.name(shape))
        .addModifiers(STATIC)
        .returns(TypeNames.PROTO_WRITER)
        .addParameter(Shapes.javaType(shape), "value")
        .addStatement("$T w = new $T()", TypeNames.PROTO_WRITER, TypeNames.PROTO_WRITER)
        .addCode(values.writeComponent(shape, 1, "value", "w", ""))
        .addStatement("return w")
        .build();
  }

  private static MethodSpec decodeWrapper(Shapes shapes, ValueCode values, TypeShape shape) {
    return MethodSpec.methodBuilder("decode" + shapes.name(shape))
        .addModifiers(STATIC)
        .returns(Shapes.javaType(shape))
        .addParameter(TypeNames.PROTO_READER, "reader")
        .addStatement("$T value = $L", Shapes.javaType(shape), values.initialComponent(shape))
        .beginControlFlow("for (int tag; (tag = reader.readTag()) != 0; )")
        .beginControlFlow("if ($T.fieldNumber(tag) == 1)", TypeNames.WIRE_TYPE)
        .addCode(values.readComponent(shape, "value", "reader", "tag"))
        .nextControlFlow("else")
        .addStatement("reader.skip(tag)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private static MethodSpec putEntry(Shapes shapes, ValueCode values, TypeShape.MapShape map) {
    TypeName key = Shapes.javaType(map.key()).box();
    TypeName value = Shapes.javaType(map.value()).box();
    return MethodSpec.methodBuilder("put" + shapes.name(map))
        .addModifiers(STATIC)
        .addParameter(TypeNames.PROTO_READER, "entry")
        .addParameter(Shapes.javaType(map), "into")
        .addStatement("$T key = $L", key, values.initialComponent(map.key()))
        .addStatement("$T value = $L", value, values.initialComponent(map.value()))
        .beginControlFlow("for (int tag; (tag = entry.readTag()) != 0; )")
        .beginControlFlow("switch ($T.fieldNumber(tag))", TypeNames.WIRE_TYPE)
        .addCode("case 1:\n$>")
        .addCode(values.readComponent(map.key(), "key", "entry", "tag"))
        .addStatement("break")
        .addCode("$<case 2:\n$>")
        .addCode(
            ValueCode.isCollection(map.value())
                ? CodeBlock.builder()
                    .addStatement("value = $L", values.readSingle(map.value(), "entry", "tag"))
                    .build()
                : values.readComponent(map.value(), "value", "entry", "tag"))
        .addStatement("break")
        .addCode("$<default:\n$>")
        .addStatement("entry.skip(tag)")
        .addCode("$<")
        .endControlFlow()
        .endControlFlow()
        .addCode(values.fixDefault(map.value(), "value"))
        .addStatement("into.put(key, value)")
        .build();
  }
}
