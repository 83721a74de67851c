package dev.duro.processor.internal.model;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * A lifecycle method the host calls: the {@code @Alarm} or the {@code @OnActivate} method, valid or
 * not.
 *
 * @param returnType the declared return type, for diagnostics
 * @param parameterTypes the declared parameter types, for diagnostics
 * @param takesAlarmInfo whether the only parameter is a {@code dev.duro.AlarmInfo}
 */
public record HookModel(
    ExecutableElement element,
    String name,
    Set<Modifier> modifiers,
    String returnType,
    boolean returnsVoid,
    List<String> parameterTypes,
    boolean takesAlarmInfo,
    boolean deprecated) {

  public HookModel {
    modifiers = Set.copyOf(modifiers);
    parameterTypes = List.copyOf(parameterTypes);
  }

  /** {@code name(type, type)}, for diagnostics. */
  public String signature() {
    return name + "(" + String.join(", ", parameterTypes) + ")";
  }
}
