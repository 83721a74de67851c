/** Per-object serial execution of turns. Not API: may change in any release. */
@NullMarked
package dev.duro.runtime.internal.turn;

import org.jspecify.annotations.NullMarked;
