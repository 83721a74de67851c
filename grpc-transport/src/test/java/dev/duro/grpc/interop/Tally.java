package dev.duro.grpc.interop;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An object compiled by the processor for {@code NodeClientIT}: a Node.js client calls it knowing
 * nothing but the generated {@code Tally.proto}. Its methods cover scalars, a record with a
 * timestamp inside a repeated field, and a failing turn.
 */
@DurableObject("interop.Tally")
public class Tally {
  /**
   * One remembered entry; on the wire a message with a nested {@code google.protobuf.Timestamp}.
   */
  public record Entry(String label, long amount, Instant at) {}

  @Persist long total;
  @Persist List<Entry> entries = List.of();

  /** Adds {@code by} to the total and returns the new total. */
  @Rpc
  public long add(long by) {
    total += by;
    return total;
  }

  /** The current total. */
  @Rpc
  public long total() {
    return total;
  }

  /** Appends {@code entry}, adds its amount to the total, and returns every entry so far. */
  @Rpc
  public List<Entry> remember(Entry entry) {
    List<Entry> next = new ArrayList<>(entries);
    next.add(entry);
    entries = next;
    total += entry.amount();
    return entries;
  }

  /** Every entry remembered so far, oldest first. */
  @Rpc
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Adds 1000 to the total and then throws, so the turn rolls back and the total stays as it was.
   *
   * @throws IllegalStateException always, with {@code why} as the message
   */
  @Rpc
  public void fail(String why) {
    total += 1000;
    throw new IllegalStateException(why);
  }
}
