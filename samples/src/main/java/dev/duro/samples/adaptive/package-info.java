/**
 * The adaptive controller of seed 002 (pattern 1): an {@link
 * dev.duro.samples.adaptive.AdaptiveController} per pipeline wakes itself with its alarm, has a
 * batch processed by the pipeline's {@link dev.duro.samples.adaptive.BatchWorker}, and adapts its
 * batch size and interval to the results, breaking the circuit when the worker keeps failing.
 */
package dev.duro.samples.adaptive;
