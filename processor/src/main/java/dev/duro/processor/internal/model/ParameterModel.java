package dev.duro.processor.internal.model;

import javax.lang.model.element.VariableElement;

/**
 * One parameter of an {@code @Rpc} method; it travels as field {@code index + 1} of the request.
 *
 * @param eventSink whether its type is {@code dev.duro.EventSink} (raw or not); valid only as the
 *     last parameter, which is then the method's {@link RpcModel#events()} and not in its {@link
 *     RpcModel#parameters()}
 */
public record ParameterModel(
    VariableElement element, String name, TypeShape shape, boolean eventSink) {}
