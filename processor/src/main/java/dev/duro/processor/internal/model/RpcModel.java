package dev.duro.processor.internal.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * One {@code @Rpc} method, valid or not.
 *
 * @param typeParameters the method's type parameter names; non-empty is invalid
 * @param javadoc the method's doc comment, normalized, if it has one
 * @param deprecated whether calling the method draws a deprecation warning
 * @param thrown the method's {@code throws} clause, which the stub repeats
 * @param parameters the parameters sent in the request: all of them, except the {@code EventSink}
 *     of a streaming method
 * @param events the {@code EventSink} last parameter, if the method streams
 */
public record RpcModel(
    ExecutableElement element,
    String name,
    Set<Modifier> modifiers,
    List<String> typeParameters,
    List<ParameterModel> parameters,
    TypeShape returnShape,
    Optional<String> javadoc,
    boolean deprecated,
    List<ThrownType> thrown,
    Optional<EventSinkModel> events) {

  public RpcModel {
    modifiers = Set.copyOf(modifiers);
    typeParameters = List.copyOf(typeParameters);
    parameters = List.copyOf(parameters);
    thrown = List.copyOf(thrown);
  }

  /** The thrown types the stub can construct, in declaration order. */
  public List<ThrownType> constructibleThrown() {
    return thrown.stream()
        .filter(t -> t.construction() != ThrownType.Construction.NONE)
        .collect(java.util.stream.Collectors.toList());
  }

  /** Whether the method streams: its last parameter is an {@code EventSink}. */
  public boolean isStream() {
    return events.isPresent();
  }

  /**
   * The wire shape of the method's result: of each event for a streaming method, of the return
   * value otherwise. Either travels as field 1 of a reply message.
   */
  public TypeShape resultShape() {
    return events.map(EventSinkModel::event).orElse(returnShape);
  }

  /** Whether the method returns {@code void}. */
  public boolean returnsVoid() {
    return returnShape instanceof TypeShape.VoidShape;
  }

  /** {@code name(type, type)}: the Java method's signature, for diagnostics. */
  public String signature() {
    StringBuilder s = new StringBuilder(name).append('(');
    for (int i = 0; i < parameters.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(parameters.get(i).shape().displayName());
    }
    if (events.isPresent()) {
      s.append(parameters.isEmpty() ? "" : ", ").append(events.get().element().asType().toString());
    }
    return s.append(')').toString();
  }
}
