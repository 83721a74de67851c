package dev.duro.binding;

/** Supplies encoded {@code @Persist} field values to an object's binding. */
@FunctionalInterface
public interface FieldSource {
  /** The field's encoded value as written through {@link FieldSink}, or {@code null} if none. */
  byte[] get(String field);
}
