/**
 * The heart of the runtime: the table of object cells, activation, turns, the per-object commit
 * chain (output gate), alarms dispatch and eviction. Not API: may change in any release.
 *
 * <p>Threading model. Each object has one {@link dev.duro.runtime.internal.turn.TurnQueue}; its
 * turns run one at a time on the shared turn executor, and the object's instance, its field
 * snapshot and its alarm view are touched only from those turns. The little state shared with other
 * threads (queued turn count, commit chain, pending writes, retirement) is guarded by the cell's
 * lock, which is never held while user code runs.
 *
 * <p>Commit chain. An object has at most one batch in flight at the committer; writes of turns that
 * finish meanwhile are merged into the next batch, which is submitted when the first is durable. So
 * a batch never depends on one that might still fail, a hot object costs one commit per group
 * commit, and a turn's reply is released only when every write it could have observed is durable.
 */
@NullMarked
package dev.duro.runtime.internal.activation;

import org.jspecify.annotations.NullMarked;
