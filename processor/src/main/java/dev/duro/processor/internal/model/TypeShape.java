package dev.duro.processor.internal.model;

/**
 * How a Java type used in an {@code @Rpc} signature or a {@code @Persist} field is carried on the
 * wire. Sealed so that writers handle every shape; new shapes (enums, records, collections) are
 * added here as Duro's type system grows.
 */
public sealed interface TypeShape
    permits TypeShape.Scalar, TypeShape.VoidShape, TypeShape.Unsupported {

  /** The supported types, as listed in diagnostics. */
  String SUPPORTED =
      "boolean, byte, short, char, int, long, float, double, their boxes (Boolean, Byte, Short,"
          + " Character, Integer, Long, Float, Double), String and byte[]";

  /** The type as the user wrote it, for diagnostics. */
  String displayName();

  /** Whether Duro can encode values of this shape (void counts, for return types). */
  default boolean isSupported() {
    return !(this instanceof Unsupported);
  }

  /** One protobuf field of a {@link ScalarType}. */
  record Scalar(ScalarType type) implements TypeShape {
    @Override
    public String displayName() {
      return type.javaName();
    }
  }

  /** No value: the return type {@code void}. */
  record VoidShape() implements TypeShape {
    @Override
    public String displayName() {
      return "void";
    }
  }

  /** A type Duro cannot encode (yet). */
  record Unsupported(String displayName) implements TypeShape {}
}
