/**
 * Storage engines (Xodus on disk, in memory), committers (group commit, synchronous) and the key
 * layout of everything the runtime stores. Not API: may change in any release.
 */
@NullMarked
package dev.duro.runtime.internal.storage;

import org.jspecify.annotations.NullMarked;
