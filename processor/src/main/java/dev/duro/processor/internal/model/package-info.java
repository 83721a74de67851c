/**
 * The processor's view of a {@code @DurableObject} class: {@link
 * dev.duro.processor.internal.model.ObjectModelFactory} turns a {@code TypeElement} into an {@link
 * dev.duro.processor.internal.model.ObjectModel} that records every fact validation and writing
 * need, including the facts that make the class invalid. Nothing here prints diagnostics.
 *
 * <p>This is the only package that names Duro's annotation types. Not API: may change in any
 * release.
 */
@NullMarked
package dev.duro.processor.internal.model;

import org.jspecify.annotations.NullMarked;
