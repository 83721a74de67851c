package dev.duro.processor.internal.writing;

import com.palantir.javapoet.CodeBlock;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeShape;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The wire encoding, as code: how a value of each {@link ScalarType} is written to and read from a
 * protobuf field with {@code ProtoWriter}/{@code ProtoReader}. Stubs and bindings both generate
 * their codecs from here, so the two sides cannot disagree.
 *
 * <p>{@code int}, {@code short}, {@code byte} and {@code char} are {@code int32} varints ({@code
 * char} as its UTF-16 code unit), {@code long} is {@code int64}, {@code boolean} is {@code bool},
 * {@code float}/{@code double} are fixed 32/64-bit, {@code String} is UTF-8 and {@code byte[]} is
 * {@code bytes}. A primitive equal to its proto3 default ({@code 0}, {@code false}, {@code +0.0} by
 * bit pattern, so {@code -0.0} is kept) is not written; a null box, String or array is not written,
 * and any other value is, even {@code 0} or {@code ""}. An absent field decodes as the default:
 * {@code 0}/{@code false} for primitives, {@code null} otherwise.
 */
final class WireCode {
  /** One field of a message: its number, its type, and the variable holding its value. */
  record Field(int number, TypeShape shape, String variable) {
    /** The scalar type; only for scalar fields. */
    ScalarType type() {
      return scalar(shape);
    }

    boolean isScalar() {
      return shape instanceof TypeShape.Scalar;
    }
  }

  private WireCode() {}

  /** The scalar type of a shape that validation accepted as a value. */
  static ScalarType scalar(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar) {
      return ((TypeShape.Scalar) shape).type();
    }
    throw new IllegalArgumentException("Not a scalar shape: " + shape);
  }

  /**
   * Statements that encode {@code fields} into a new message and {@code return} its bytes; {@code
   * writer} names the local {@code ProtoWriter}.
   */
  static CodeBlock encodeAndReturn(List<Field> fields, String writer, @Nullable ValueCode values) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("$T $N = new $T()", TypeNames.PROTO_WRITER, writer, TypeNames.PROTO_WRITER);
    for (Field f : fields) {
      if (f.isScalar()) {
        code.add(write(f.type(), f.number(), CodeBlock.of("$N", f.variable()), writer));
      } else if (ValueCode.nullableAtTop(f.shape())) {
        code.beginControlFlow("if ($N != null)", f.variable())
            .add(
                values(values)
                    .writeSingle(f.shape(), f.number(), f.variable(), writer, f.variable()))
            .endControlFlow();
      } else {
        code.add(
            values(values)
                .writeComponent(f.shape(), f.number(), f.variable(), writer, f.variable()));
      }
    }
    code.addStatement("return $N.toByteArray()", writer);
    return code.build();
  }

  /** Statements that write {@code value} as field {@code number} unless it is absent. */
  static CodeBlock write(ScalarType type, int number, CodeBlock value, String writer) {
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", isPresent(type, value))
        .addStatement("$N.$N($L, $L)", writer, "write" + wireName(type), number, value)
        .endControlFlow()
        .build();
  }

  /**
   * Statements that declare one local per field, initialized to its default, and decode {@code
   * bytes} into them; unknown fields are skipped, malformed input throws {@code CodecException}.
   */
  static CodeBlock decode(
      CodeBlock bytes, List<Field> fields, String reader, String tag, @Nullable ValueCode values) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Field f : fields) {
      code.addStatement(
          "$T $N = $L", TypeNames.of(f.shape()), f.variable(), defaultValue(f.shape(), values));
    }
    code.addStatement(
        "$T $N = new $T($L)", TypeNames.PROTO_READER, reader, TypeNames.PROTO_READER, bytes);
    code.beginControlFlow("for (int $N; ($N = $N.readTag()) != 0; )", tag, tag, reader);
    if (fields.isEmpty()) {
      code.addStatement("$N.skip($N)", reader, tag);
    } else {
      code.beginControlFlow("switch ($T.fieldNumber($N))", TypeNames.WIRE_TYPE, tag);
      for (Field f : fields) {
        code.add("case $L:\n", f.number()).indent();
        if (f.isScalar()) {
          code.addStatement("$N = $L", f.variable(), read(f.type(), reader, tag));
        } else {
          code.add(values(values).readComponent(f.shape(), f.variable(), reader, tag));
        }
        code.addStatement("break").unindent();
      }
      code.add("default:\n").indent().addStatement("$N.skip($N)", reader, tag).unindent();
      code.endControlFlow();
    }
    code.endControlFlow();
    return code.build();
  }

  /** Whether an absent top-level field of {@code shape} decodes as {@code null}. */
  static boolean nullByDefault(TypeShape shape) {
    return shape instanceof TypeShape.Scalar
        ? scalar(shape).isNullable()
        : ValueCode.nullableAtTop(shape);
  }

  /** The value of a top-level field that is absent. */
  static CodeBlock defaultValue(TypeShape shape, @Nullable ValueCode values) {
    if (shape instanceof TypeShape.Scalar) {
      return defaultValue(scalar(shape));
    }
    if (ValueCode.nullableAtTop(shape)) {
      return CodeBlock.of("null");
    }
    return values(values).initialComponent(shape);
  }

  private static ValueCode values(@Nullable ValueCode values) {
    if (values == null) {
      throw new IllegalStateException("Non-scalar field without codecs");
    }
    return values;
  }

  /** The value of a field that is absent. */
  static CodeBlock defaultValue(ScalarType type) {
    if (type.isNullable()) {
      return CodeBlock.of("null");
    }
    switch (type) {
      case BOOLEAN:
        return CodeBlock.of("false");
      case LONG:
        return CodeBlock.of("0L");
      case FLOAT:
        return CodeBlock.of("0.0f");
      case DOUBLE:
        return CodeBlock.of("0.0");
      default:
        return CodeBlock.of("0");
    }
  }

  private static CodeBlock isPresent(ScalarType type, CodeBlock value) {
    if (type.isNullable()) {
      return CodeBlock.of("$L != null", value);
    }
    switch (type) {
      case BOOLEAN:
        return value;
      case LONG:
        return CodeBlock.of("$L != 0L", value);
      case FLOAT:
        return CodeBlock.of("Float.floatToRawIntBits($L) != 0", value);
      case DOUBLE:
        return CodeBlock.of("Double.doubleToRawLongBits($L) != 0L", value);
      default:
        return CodeBlock.of("$L != 0", value);
    }
  }

  private static CodeBlock read(ScalarType type, String reader, String tag) {
    CodeBlock call = CodeBlock.of("$N.$N($N)", reader, "read" + wireName(type), tag);
    ScalarType primitive = type.primitive();
    if (primitive == ScalarType.BYTE
        || primitive == ScalarType.SHORT
        || primitive == ScalarType.CHAR) {
      return CodeBlock.of("($T) $L", TypeNames.of(primitive), call);
    }
    return call;
  }

  /** The suffix of the {@code ProtoWriter.writeX} and {@code ProtoReader.readX} methods. */
  static String wireName(ScalarType type) {
    if (type == ScalarType.STRING) {
      return "String";
    }
    if (type == ScalarType.BYTES) {
      return "Bytes";
    }
    switch (type.primitive()) {
      case BOOLEAN:
        return "Bool";
      case LONG:
        return "Int64";
      case FLOAT:
        return "Float";
      case DOUBLE:
        return "Double";
      default:
        return "Int32";
    }
  }
}
