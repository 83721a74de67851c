/**
 * Load generators for the performance targets of DESIGN.md ("Performance"); {@link
 * dev.duro.bench.Bench} is the entry point and BENCHMARKS.md at the repository root says how to run
 * them and how to read their output. Only public Duro APIs are used, so the figures are what a user
 * would see.
 */
@NullMarked
package dev.duro.bench;

import org.jspecify.annotations.NullMarked;
