/**
 * Code generation for valid {@code @DurableObject} models, with JavaPoet: the typed stub, the
 * namespace and the binding. {@link dev.duro.processor.internal.writing.Names} computes every
 * generated name, {@link dev.duro.processor.internal.writing.TypeNames} names every Duro and JDK
 * type the generated code uses (the processor never links against runtime or transport classes),
 * and {@link dev.duro.processor.internal.writing.WireCode} is the one place that knows how values
 * map to protobuf fields.
 *
 * <p>Generated files contain nothing that varies between builds (no dates, no versions) and have
 * exactly one originating element, the annotated class. Not API: may change in any release.
 */
@NullMarked
package dev.duro.processor.internal.writing;

import org.jspecify.annotations.NullMarked;
