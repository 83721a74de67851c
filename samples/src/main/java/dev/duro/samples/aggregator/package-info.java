/**
 * A high-throughput counter that buffers increments in memory and flushes them on an alarm (seed
 * 002, "Aggregator / Counter"): {@link dev.duro.samples.aggregator.AggregatorCounter}. Runnable
 * demo: {@link dev.duro.samples.aggregator.AggregatorDemo}.
 */
package dev.duro.samples.aggregator;
