package dev.duro.processor.internal.model;

import javax.lang.model.element.VariableElement;

/**
 * One parameter of an {@code @Rpc} method; it travels as field {@code index + 1} of the request.
 */
public record ParameterModel(VariableElement element, String name, TypeShape shape) {}
