/**
 * The seed systems written with Duro, one package each, and the entry point {@link
 * dev.duro.samples.Demo} that runs their demos against a real host.
 */
package dev.duro.samples;
