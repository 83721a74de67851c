/**
 * The event reactor of seed 002 (pattern 4): a {@link dev.duro.samples.reactor.BrandAgent} per
 * brand reacts to domain events and an hourly decision cycle, logs every decision with its reason,
 * and emits commands to a {@link dev.duro.samples.reactor.CommandQueue} object.
 */
package dev.duro.samples.reactor;
