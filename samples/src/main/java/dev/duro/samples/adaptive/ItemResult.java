package dev.duro.samples.adaptive;

/**
 * The outcome of one work item, as the worker that processed it reports it.
 *
 * @param success whether the item was processed
 * @param latencyMillis how long processing it took, in milliseconds (measured by the worker)
 */
public record ItemResult(boolean success, long latencyMillis) {}
