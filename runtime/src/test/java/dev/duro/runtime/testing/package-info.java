/**
 * Reusable test fixtures of the runtime, shipped in its test-jar for the test kit, transport and
 * samples: hand-written objects with their binding, stub and namespace written exactly as the
 * processor generates them ({@link dev.duro.runtime.testing.TestCounter}), a controllable storage
 * wrapper, a manual time source and static hooks.
 */
@NullMarked
package dev.duro.runtime.testing;

import org.jspecify.annotations.NullMarked;
