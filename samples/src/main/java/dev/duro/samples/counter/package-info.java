/** The counter of DESIGN.md, with a runnable demo ({@link dev.duro.samples.counter.Main}). */
package dev.duro.samples.counter;
