package dev.duro.processor.internal.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeRegistry;
import dev.duro.processor.internal.model.TypeShape;

/**
 * The wire encoding of every non-scalar {@link TypeShape}, as code. Three positions differ:
 *
 * <ul>
 *   <li><b>component</b> (a record component, a map key or value): the value must not be null;
 *       proto3 defaults of scalars and enums are left out; an absent field decodes as the default
 *       ({@code 0}, {@code ""}, empty collections, the enum constant numbered 0, a record of
 *       defaults, {@code Optional.empty()});
 *   <li><b>single</b> (a collection element, the content of an Optional): always written; a
 *       collection here is wrapped in a message whose field 1 is the collection;
 *   <li><b>top level</b> (a request parameter, a reply, a {@code @Persist} field): as before for
 *       scalars; a null enum, record, message, Instant, Duration or UUID is an absent field and
 *       decodes as null; collections and Optionals are as components.
 * </ul>
 *
 * <p>Encoders throw {@code CodecException} for a null where a value is required; each level adds
 * its path segment with {@code under}, so the message names {@code order.items[2].price}.
 */
final class ValueCode {
  private final Shapes shapes;
  private int counter;

  ValueCode(Shapes shapes) {
    this.shapes = shapes;
  }

  /** A fresh local name; generated locals never clash with user names, which are only fields. */
  String local(String base) {
    return "$" + base + (counter++);
  }

  // ---- writing ----------------------------------------------------------------------------

  /** Statements writing component {@code v} (a local or expression without side effects). */
  CodeBlock writeComponent(TypeShape shape, int number, String v, String writer, String segment) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable =
        !(shape instanceof TypeShape.Scalar) || ((TypeShape.Scalar) shape).type().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($N == null)", v)
          .addStatement("throw $T.nullValue($S)", TypeNames.CODEC_EXCEPTION, segment)
          .endControlFlow();
    }
    if (shape instanceof TypeShape.Scalar) {
      ScalarType t = ((TypeShape.Scalar) shape).type();
      return code.beginControlFlow("if ($L)", notDefault(t, v))
          .add(writeSingle(shape, number, v, writer, segment))
          .endControlFlow()
          .build();
    }
    if (shape instanceof TypeShape.EnumRef) {
      TypeRegistry.EnumModel e = shapes.enumModel((TypeShape.EnumRef) shape);
      return code.beginControlFlow(
              "if ($N != $T.$N)", v, Shapes.javaType(shape), e.zero().orElseThrow().name())
          .add(writeSingle(shape, number, v, writer, segment))
          .endControlFlow()
          .build();
    }
    if (shape instanceof TypeShape.Repeated) {
      return code.add(writeRepeated((TypeShape.Repeated) shape, number, v, writer, segment))
          .build();
    }
    if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      String entry = local("entry");
      String out = local("out");
      String key = local("key");
      String value = local("value");
      return code.beginControlFlow(
              "for ($T.Entry<$T, $T> $N : $N.entrySet())",
              TypeNames.MAP,
              Shapes.javaType(m.key()).box(),
              Shapes.javaType(m.value()).box(),
              entry,
              v)
          .addStatement("$T $N = new $T()", TypeNames.PROTO_WRITER, out, TypeNames.PROTO_WRITER)
          .addStatement("$T $N = $N.getKey()", Shapes.javaType(m.key()).box(), key, entry)
          .addStatement("$T $N = $N.getValue()", Shapes.javaType(m.value()).box(), value, entry)
          .add(writeComponent(m.key(), 1, key, out, segment + "{key}"))
          .beginControlFlow("try")
          .add(writeMapValue(m.value(), value, out))
          .nextControlFlow("catch ($T e)", TypeNames.CODEC_EXCEPTION)
          .addStatement("throw e.under($S + $N + $S)", segment + "[", key, "]")
          .endControlFlow()
          .addStatement("$N.writeMessage($L, $N)", writer, number, out)
          .endControlFlow()
          .build();
    }
    if (shape instanceof TypeShape.OptionalShape) {
      TypeShape content = ((TypeShape.OptionalShape) shape).content();
      String c = local("content");
      return code.beginControlFlow("if ($N.isPresent())", v)
          .addStatement("$T $N = $N.get()", Shapes.javaType(content).box(), c, v)
          .add(writeSingle(content, number, c, writer, segment + ".get()"))
          .endControlFlow()
          .build();
    }
    return code.add(writeSingle(shape, number, v, writer, segment)).build();
  }

  /**
   * A map value: a component, except that a List, Set or Map value is its wrapper message, since a
   * protobuf map value cannot be repeated or a map itself.
   */
  private CodeBlock writeMapValue(TypeShape value, String v, String writer) {
    if (!isCollection(value)) {
      return writeComponent(value, 2, v, writer, "");
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($N == null)", v)
        .addStatement("throw $T.nullValue($S)", TypeNames.CODEC_EXCEPTION, "")
        .endControlFlow()
        .add(writeSingle(value, 2, v, writer, ""))
        .build();
  }

  /** Whether {@code shape} is a List, Set or Map. */
  static boolean isCollection(TypeShape shape) {
    return shape instanceof TypeShape.Repeated || shape instanceof TypeShape.MapShape;
  }

  private CodeBlock writeRepeated(
      TypeShape.Repeated shape, int number, String v, String writer, String segment) {
    TypeShape element = shape.element();
    TypeName elementType = Shapes.javaType(element).box();
    String e = local("e");
    String i = local("i");
    CodeBlock.Builder code = CodeBlock.builder();
    CodeBlock nullCheck =
        CodeBlock.builder()
            .beginControlFlow("if ($N == null)", e)
            .addStatement(
                "throw $T.nullValue($S + $N + $S)",
                TypeNames.CODEC_EXCEPTION,
                segment + "[",
                i,
                "]")
            .endControlFlow()
            .build();
    String packed = packedWrite(element, e, "");
    if (packed != null) {
      String out = local("packed");
      return code.beginControlFlow("if (!$N.isEmpty())", v)
          .addStatement("$T $N = new $T()", TypeNames.PROTO_WRITER, out, TypeNames.PROTO_WRITER)
          .addStatement("int $N = 0", i)
          .beginControlFlow("for ($T $N : $N)", elementType, e, v)
          .add(nullCheck)
          .addStatement("$N.$L", out, packedWrite(element, e, ""))
          .addStatement("$N++", i)
          .endControlFlow()
          .addStatement("$N.writeMessage($L, $N)", writer, number, out)
          .endControlFlow()
          .build();
    }
    boolean nested =
        element instanceof TypeShape.RecordRef
            || element instanceof TypeShape.Repeated
            || element instanceof TypeShape.MapShape;
    if (!nested) {
      return code.addStatement("int $N = 0", i)
          .beginControlFlow("for ($T $N : $N)", elementType, e, v)
          .add(nullCheck)
          .add(writeSingle(element, number, e, writer, ""))
          .addStatement("$N++", i)
          .endControlFlow()
          .build();
    }
    return code.addStatement("int $N = 0", i)
        .beginControlFlow("for ($T $N : $N)", elementType, e, v)
        .add(nullCheck)
        .beginControlFlow("try")
        .add(writeSingle(element, number, e, writer, ""))
        .nextControlFlow("catch ($T x)", TypeNames.CODEC_EXCEPTION)
        .addStatement("throw x.under($S + $N + $S)", segment + "[", i, "]")
        .endControlFlow()
        .addStatement("$N++", i)
        .endControlFlow()
        .build();
  }

  /** The raw write call for a packable element, or null if the element is not packable. */
  private String packedWrite(TypeShape element, String e, String unused) {
    if (element instanceof TypeShape.EnumRef) {
      return "writeRawVarint32("
          + shapes.codecs.simpleName()
          + ".numberOf"
          + shapes.name(element)
          + "("
          + e
          + "))";
    }
    if (!(element instanceof TypeShape.Scalar)) {
      return null;
    }
    ScalarType t = ((TypeShape.Scalar) element).type();
    if (t == ScalarType.STRING || t == ScalarType.BYTES) {
      return null;
    }
    switch (t.primitive()) {
      case BOOLEAN:
        return "writeRawVarint32(" + e + " ? 1 : 0)";
      case LONG:
        return "writeRawVarint64(" + e + ")";
      case FLOAT:
        return "writeRawFixed32(Float.floatToRawIntBits(" + e + "))";
      case DOUBLE:
        return "writeRawFixed64(Double.doubleToRawLongBits(" + e + "))";
      default:
        return "writeRawVarint32(" + e + ")";
    }
  }

  /** Statements writing {@code v}, known to be non-null, as one occurrence of field number. */
  CodeBlock writeSingle(TypeShape shape, int number, String v, String writer, String segment) {
    if (shape instanceof TypeShape.Scalar) {
      return CodeBlock.builder()
          .addStatement(
              "$N.$N($L, $N)",
              writer,
              "write" + WireCode.wireName(((TypeShape.Scalar) shape).type()),
              number,
              v)
          .build();
    }
    if (shape instanceof TypeShape.EnumRef) {
      return CodeBlock.builder()
          .addStatement(
              "$N.writeInt32($L, $T.$N($N))",
              writer,
              number,
              shapes.codecs,
              "numberOf" + shapes.name(shape),
              v)
          .build();
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      return CodeBlock.builder()
          .addStatement("$N.writeBytes($L, $N.toByteArray())", writer, number, v)
          .build();
    }
    if (shape instanceof TypeShape.WellKnown) {
      switch (((TypeShape.WellKnown) shape).kind()) {
        case INSTANT:
          return CodeBlock.builder()
              .addStatement(
                  "$N.writeMessage($L, $T.timestamp($N))", writer, number, TypeNames.CODECS, v)
              .build();
        case DURATION:
          return CodeBlock.builder()
              .addStatement(
                  "$N.writeMessage($L, $T.duration($N))", writer, number, TypeNames.CODECS, v)
              .build();
        default:
          return CodeBlock.builder()
              .addStatement("$N.writeString($L, $N.toString())", writer, number, v)
              .build();
      }
    }
    // Records and wrappers: a nested message from the codecs class.
    CodeBlock call =
        CodeBlock.of(
            "$N.writeMessage($L, $T.$N($N))",
            writer,
            number,
            shapes.codecs,
            "encode" + shapes.name(shape),
            v);
    if (segment.isEmpty()) {
      return CodeBlock.builder().addStatement("$L", call).build();
    }
    return CodeBlock.builder()
        .beginControlFlow("try")
        .addStatement("$L", call)
        .nextControlFlow("catch ($T x)", TypeNames.CODEC_EXCEPTION)
        .addStatement("throw x.under($S)", segment)
        .endControlFlow()
        .build();
  }

  private static CodeBlock notDefault(ScalarType t, String v) {
    if (t == ScalarType.STRING) {
      return CodeBlock.of("!$N.isEmpty()", v);
    }
    if (t == ScalarType.BYTES) {
      return CodeBlock.of("$N.length != 0", v);
    }
    switch (t.primitive()) {
      case BOOLEAN:
        return CodeBlock.of("$N", v);
      case LONG:
        return CodeBlock.of("$N != 0L", v);
      case FLOAT:
        return CodeBlock.of("Float.floatToRawIntBits($N) != 0", v);
      case DOUBLE:
        return CodeBlock.of("Double.doubleToRawLongBits($N) != 0L", v);
      default:
        return CodeBlock.of("$N != 0", v);
    }
  }

  // ---- reading ----------------------------------------------------------------------------

  /** The initial value of a component's local: its default, or null for {@link #fixDefault}. */
  CodeBlock initialComponent(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar) {
      ScalarType t = ((TypeShape.Scalar) shape).type();
      if (t == ScalarType.STRING) {
        return CodeBlock.of("\"\"");
      }
      if (t == ScalarType.BYTES) {
        return CodeBlock.of("new byte[0]");
      }
      switch (t.primitive()) {
        case BOOLEAN:
          return CodeBlock.of("false");
        case LONG:
          return CodeBlock.of("0L");
        case FLOAT:
          return CodeBlock.of("0.0f");
        case DOUBLE:
          return CodeBlock.of("0.0");
        case INT:
          return CodeBlock.of("0");
        default:
          return CodeBlock.of("($T) 0", TypeNames.of(t.primitive()));
      }
    }
    if (shape instanceof TypeShape.EnumRef) {
      TypeRegistry.EnumModel e = shapes.enumModel((TypeShape.EnumRef) shape);
      return CodeBlock.of("$T.$N", Shapes.javaType(shape), e.zero().orElseThrow().name());
    }
    if (shape instanceof TypeShape.WellKnown) {
      switch (((TypeShape.WellKnown) shape).kind()) {
        case INSTANT:
          return CodeBlock.of("$T.EPOCH", Shapes.javaType(shape));
        case DURATION:
          return CodeBlock.of("$T.ZERO", Shapes.javaType(shape));
        default:
          return CodeBlock.of("new $T(0L, 0L)", Shapes.javaType(shape));
      }
    }
    if (shape instanceof TypeShape.Repeated) {
      return CodeBlock.of(
          "new $T<>()",
          ((TypeShape.Repeated) shape).isSet() ? TypeNames.LINKED_HASH_SET : TypeNames.ARRAY_LIST);
    }
    if (shape instanceof TypeShape.MapShape) {
      return CodeBlock.of("new $T<>()", TypeNames.LINKED_HASH_MAP);
    }
    if (shape instanceof TypeShape.OptionalShape) {
      return CodeBlock.of("$T.empty()", TypeNames.OPTIONAL);
    }
    return CodeBlock.of("null");
  }

  /** Statements giving a still-null record or message local its default, after the loop. */
  CodeBlock fixDefault(TypeShape shape, String v) {
    if (shape instanceof TypeShape.RecordRef) {
      return CodeBlock.builder()
          .beginControlFlow("if ($N == null)", v)
          .addStatement(
              "$N = $T.$N(new $T(new byte[0]))",
              v,
              shapes.codecs,
              "decode" + shapes.name(shape),
              TypeNames.PROTO_READER)
          .endControlFlow()
          .build();
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      return CodeBlock.builder()
          .beginControlFlow("if ($N == null)", v)
          .addStatement("$N = $T.getDefaultInstance()", v, Shapes.javaType(shape))
          .endControlFlow()
          .build();
    }
    return CodeBlock.builder().build();
  }

  /** Statements reading one occurrence of a component (or top-level collection) into {@code v}. */
  CodeBlock readComponent(TypeShape shape, String v, String reader, String tag) {
    if (shape instanceof TypeShape.Repeated) {
      TypeShape element = ((TypeShape.Repeated) shape).element();
      String packed = packedRead(element);
      if (packed == null) {
        return CodeBlock.builder()
            .addStatement("$N.add($L)", v, readSingle(element, reader, tag))
            .build();
      }
      String p = local("packed");
      return CodeBlock.builder()
          .beginControlFlow(
              "if ($T.wireType($N) == $T.LEN)", TypeNames.WIRE_TYPE, tag, TypeNames.WIRE_TYPE)
          .addStatement("$T $N = $N.readMessage($N)", TypeNames.PROTO_READER, p, reader, tag)
          .beginControlFlow("while (!$N.isAtEnd())", p)
          .addStatement("$N.add($L)", v, packed.replace("%r", p))
          .endControlFlow()
          .nextControlFlow("else")
          .addStatement("$N.add($L)", v, readSingle(element, reader, tag))
          .endControlFlow()
          .build();
    }
    if (shape instanceof TypeShape.MapShape) {
      return CodeBlock.builder()
          .addStatement(
              "$T.$N($N.readMessage($N), $N)",
              shapes.codecs,
              "put" + shapes.name(shape),
              reader,
              tag,
              v)
          .build();
    }
    if (shape instanceof TypeShape.OptionalShape) {
      return CodeBlock.builder()
          .addStatement(
              "$N = $T.of($L)",
              v,
              TypeNames.OPTIONAL,
              readSingle(((TypeShape.OptionalShape) shape).content(), reader, tag))
          .build();
    }
    return CodeBlock.builder().addStatement("$N = $L", v, readSingle(shape, reader, tag)).build();
  }

  /** The raw read of a packable element from reader {@code %r}, or null if not packable. */
  private String packedRead(TypeShape element) {
    if (element instanceof TypeShape.EnumRef) {
      return shapes.codecs.simpleName()
          + "."
          + Names.decapitalize(shapes.name(element))
          + "Of((int) %r.readRawVarint())";
    }
    if (!(element instanceof TypeShape.Scalar)) {
      return null;
    }
    ScalarType t = ((TypeShape.Scalar) element).type();
    if (t == ScalarType.STRING || t == ScalarType.BYTES) {
      return null;
    }
    switch (t.primitive()) {
      case BOOLEAN:
        return "%r.readRawVarint() != 0";
      case LONG:
        return "%r.readRawVarint()";
      case FLOAT:
        return "Float.intBitsToFloat(%r.readRawFixed32())";
      case DOUBLE:
        return "Double.longBitsToDouble(%r.readRawFixed64())";
      case INT:
        return "(int) %r.readRawVarint()";
      default:
        return "(" + t.primitive().javaName() + ") %r.readRawVarint()";
    }
  }

  /** An expression reading one occurrence of a single value of {@code shape}. */
  CodeBlock readSingle(TypeShape shape, String reader, String tag) {
    if (shape instanceof TypeShape.Scalar) {
      ScalarType t = ((TypeShape.Scalar) shape).type();
      CodeBlock call = CodeBlock.of("$N.$N($N)", reader, "read" + WireCode.wireName(t), tag);
      ScalarType primitive = t.primitive();
      if (primitive == ScalarType.BYTE
          || primitive == ScalarType.SHORT
          || primitive == ScalarType.CHAR) {
        return CodeBlock.of("($T) $L", TypeNames.of(primitive), call);
      }
      return call;
    }
    if (shape instanceof TypeShape.EnumRef) {
      return CodeBlock.of(
          "$T.$N($N.readInt32($N))",
          shapes.codecs,
          Names.decapitalize(shapes.name(shape)) + "Of",
          reader,
          tag);
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      return CodeBlock.of(
          "$T.$N($N.readBytes($N))", shapes.codecs, "parse" + shapes.name(shape), reader, tag);
    }
    if (shape instanceof TypeShape.WellKnown) {
      switch (((TypeShape.WellKnown) shape).kind()) {
        case INSTANT:
          return CodeBlock.of("$T.instant($N.readMessage($N))", TypeNames.CODECS, reader, tag);
        case DURATION:
          return CodeBlock.of("$T.duration($N.readMessage($N))", TypeNames.CODECS, reader, tag);
        default:
          return CodeBlock.of("$T.uuid($N.readString($N))", TypeNames.CODECS, reader, tag);
      }
    }
    return CodeBlock.of(
        "$T.$N($N.readMessage($N))", shapes.codecs, "decode" + shapes.name(shape), reader, tag);
  }

  /** Whether a top-level value of {@code shape} may be null (an absent field). */
  static boolean nullableAtTop(TypeShape shape) {
    return !(shape instanceof TypeShape.Repeated
        || shape instanceof TypeShape.MapShape
        || shape instanceof TypeShape.OptionalShape);
  }
}
