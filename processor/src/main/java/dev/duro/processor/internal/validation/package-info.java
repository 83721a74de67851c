/**
 * Validation of {@code @DurableObject} models: {@link
 * dev.duro.processor.internal.validation.ObjectValidator} turns an {@code ObjectModel} into a
 * {@link dev.duro.processor.internal.validation.ValidationReport} without side effects; every
 * diagnostic text lives in {@link dev.duro.processor.internal.validation.Message}, each with a
 * stable {@code [DuroXxx]} tag. Not API: may change in any release.
 */
@NullMarked
package dev.duro.processor.internal.validation;

import org.jspecify.annotations.NullMarked;
