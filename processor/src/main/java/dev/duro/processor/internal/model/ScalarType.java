package dev.duro.processor.internal.model;

import org.jspecify.annotations.Nullable;

/**
 * The single-valued types Duro encodes as one protobuf field: the primitives, their boxes, {@code
 * String} and {@code byte[]}. Boxes, {@code String} and {@code byte[]} may be null (an absent
 * field); primitives encode their default value as an absent field, as proto3 does.
 */
public enum ScalarType {
  BOOLEAN("boolean", null),
  BYTE("byte", null),
  SHORT("short", null),
  CHAR("char", null),
  INT("int", null),
  LONG("long", null),
  FLOAT("float", null),
  DOUBLE("double", null),
  BOXED_BOOLEAN("java.lang.Boolean", BOOLEAN),
  BOXED_BYTE("java.lang.Byte", BYTE),
  BOXED_SHORT("java.lang.Short", SHORT),
  BOXED_CHAR("java.lang.Character", CHAR),
  BOXED_INT("java.lang.Integer", INT),
  BOXED_LONG("java.lang.Long", LONG),
  BOXED_FLOAT("java.lang.Float", FLOAT),
  BOXED_DOUBLE("java.lang.Double", DOUBLE),
  STRING("java.lang.String", null),
  BYTES("byte[]", null);

  private final String javaName;
  private final @Nullable ScalarType unboxed;

  ScalarType(String javaName, @Nullable ScalarType unboxed) {
    this.javaName = javaName;
    this.unboxed = unboxed;
  }

  /** The Java type as written in source, fully qualified: {@code long}, {@code java.lang.Long}. */
  public String javaName() {
    return javaName;
  }

  /** Whether this is one of the eight primitive types. */
  public boolean isPrimitive() {
    return ordinal() <= DOUBLE.ordinal();
  }

  /** Whether values may be null, in which case the field is absent on the wire. */
  public boolean isNullable() {
    return !isPrimitive();
  }

  /**
   * The primitive whose encoding this type shares: itself for primitives, the primitive for boxes.
   */
  public @Nullable ScalarType primitive() {
    return isPrimitive() ? this : unboxed;
  }
}
