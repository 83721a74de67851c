/**
 * Service-provider interfaces of the Duro runtime: where state is stored ({@link
 * dev.duro.runtime.spi.StorageEngine}), how a turn's writes become durable ({@link
 * dev.duro.runtime.spi.Committer}, {@link dev.duro.runtime.spi.WriteBatch}) and where time comes
 * from ({@link dev.duro.runtime.spi.TimeSource}).
 *
 * <p>These interfaces are deliberately narrow (an ordered byte key/value store with atomic batches)
 * so that the storage engine can be replaced and a replicated log can later take the committer's
 * place. Nothing here exposes the engine the runtime uses by default (Xodus).
 */
@NullMarked
package dev.duro.runtime.spi;

import org.jspecify.annotations.NullMarked;
