package dev.duro.processor.internal.model;

import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/** One {@code @Persist} field, valid or not. */
public record PersistFieldModel(
    VariableElement element,
    String name,
    Set<Modifier> modifiers,
    TypeShape shape,
    boolean deprecated) {

  public PersistFieldModel {
    modifiers = Set.copyOf(modifiers);
  }
}
