package dev.duro.binding;

/** Receives the encoded {@code @Persist} fields of an object from its binding. */
@FunctionalInterface
public interface FieldSink {
  /**
   * One field's value encoded as a protobuf message whose field 1 holds the value (empty for the
   * type's default value).
   */
  void put(String field, byte[] encoded);
}
