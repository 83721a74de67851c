package dev.duro.processor.internal.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One constructor of the object class.
 *
 * @param checkedExceptions the checked exception types it declares, which {@code newInstance}
 *     cannot propagate
 */
public record ConstructorModel(
    ExecutableElement element,
    Kind kind,
    boolean isPrivate,
    List<String> checkedExceptions,
    boolean deprecated,
    String signature) {

  public ConstructorModel {
    checkedExceptions = List.copyOf(checkedExceptions);
  }

  /** What the host can pass to a constructor. */
  public enum Kind {
    /** {@code X()}. */
    NO_ARG,
    /** {@code X(ObjectContext)}. */
    CONTEXT,
    /** Anything else; the host cannot call it. */
    OTHER
  }

  /** Whether the host could call it: not private, and taking nothing or an ObjectContext. */
  public boolean isUsable() {
    return !isPrivate && kind != Kind.OTHER;
  }
}
