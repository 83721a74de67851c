/** Functional tests: objects compiled by the real Duro processor, run through the test kit. */
@NullMarked
package dev.duro.testkit.functional;

import org.jspecify.annotations.NullMarked;
