/**
 * The Duro runtime: hosts durable objects in-process, without any network. Start at {@link
 * dev.duro.runtime.ObjectRuntime}.
 *
 * <p>Storage and time are pluggable through {@link dev.duro.runtime.spi}; the implementation lives
 * in {@code dev.duro.runtime.internal} and is not API.
 */
@NullMarked
package dev.duro.runtime;

import org.jspecify.annotations.NullMarked;
