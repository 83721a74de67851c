package dev.duro.bench;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;

/**
 * The smallest durable object that commits on every call: one {@code @Persist long}, so each {@link
 * #increment} is one durable write of one small key and value (the same sizes the raw Xodus
 * baseline writes).
 */
@DurableObject("BenchCounter")
public class BenchCounter {
  @Persist long count;

  /** Adds {@code by} and returns the new count; a durable turn. */
  @Rpc
  public long increment(long by) {
    count += by;
    return count;
  }

  /** The count; a read-only turn, which commits nothing. */
  @Rpc
  public long get() {
    return count;
  }
}
