package dev.duro.processor.internal.model;

import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * One {@code DurableMap<K, V>} field, valid or not.
 *
 * @param key the key type's shape; {@link TypeShape.Unsupported} for a raw type or a wildcard
 * @param value the value type's shape, likewise
 * @param persist whether the field is (wrongly) annotated {@code @Persist}
 */
public record MapFieldModel(
    VariableElement element,
    String name,
    Set<Modifier> modifiers,
    TypeShape key,
    TypeShape value,
    boolean persist,
    boolean deprecated) {

  public MapFieldModel {
    modifiers = Set.copyOf(modifiers);
  }
}
