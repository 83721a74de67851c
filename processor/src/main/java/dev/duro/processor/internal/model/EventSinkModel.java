package dev.duro.processor.internal.model;

import javax.lang.model.element.VariableElement;

/**
 * The {@code EventSink<E>} last parameter of a streaming {@code @Rpc} method. Its events travel as
 * reply messages whose field 1 is the event, exactly like a unary reply of type {@code E}.
 *
 * @param element the parameter
 * @param name the parameter's name
 * @param event the wire shape of {@code E}; {@link TypeShape.Unsupported} for a raw {@code
 *     EventSink}, a wildcard, a type variable or a type Duro cannot encode
 */
public record EventSinkModel(VariableElement element, String name, TypeShape event) {}
