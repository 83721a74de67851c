/**
 * The processing pipeline: {@link dev.duro.processor.internal.DurableObjectStep} models each
 * {@code @DurableObject} type, validates the model, prints the report and, only when it is clean,
 * runs the generators. Not API: may change in any release.
 */
@NullMarked
package dev.duro.processor.internal;

import org.jspecify.annotations.NullMarked;
