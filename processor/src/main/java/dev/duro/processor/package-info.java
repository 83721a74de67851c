/**
 * The Duro annotation processor. Put {@code duro-processor} on the annotation processor path; it
 * registers two processors with {@link java.util.ServiceLoader}:
 *
 * <ul>
 *   <li>{@link dev.duro.processor.DuroProcessor} (Gradle: isolating) generates, for each
 *       {@code @DurableObject} class {@code X}, the typed client {@code XStub}, the namespace
 *       {@code XNamespace} and the host binding {@code X_Binding}, in {@code X}'s package. Invalid
 *       classes get one error per problem, each with a stable {@code [DuroXxx]} tag, and no
 *       generated code.
 *   <li>{@link dev.duro.processor.BindingIndexProcessor} (Gradle: aggregating) lists every binding
 *       of the compilation in {@code META-INF/services/dev.duro.binding.ObjectBinding}, so hosts
 *       find them with {@link java.util.ServiceLoader}.
 * </ul>
 *
 * <p>The processors take no options and never claim annotations, so other processors still see
 * them; compile with {@code -Xlint:-processing} if you use {@code -Xlint:all -Werror}.
 */
@NullMarked
package dev.duro.processor;

import org.jspecify.annotations.NullMarked;
