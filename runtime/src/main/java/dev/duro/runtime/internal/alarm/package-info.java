/** Alarm scheduling and the system time source. Not API: may change in any release. */
@NullMarked
package dev.duro.runtime.internal.alarm;

import org.jspecify.annotations.NullMarked;
