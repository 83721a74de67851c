package dev.duro.samples.reactor;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A durable command queue (the seed's {@code COMMAND_QUEUE}), first in, first out. Sending is
 * idempotent by {@link Command#decisionId()}: a command whose decision was already sent is dropped,
 * so an agent that retries after a failure never queues a command twice.
 */
@DurableObject("reactor.CommandQueue")
public class CommandQueue {
  /** How many sent decision ids are remembered for deduplication. */
  public static final int DEDUP_WINDOW = 10_000;

  @Persist List<Command> queued = new ArrayList<>();
  // Oldest first, so the window drops the oldest id.
  @Persist List<String> seen = new ArrayList<>();

  /** Queues {@code command}; returns false if its decision was already sent. */
  @Rpc
  public boolean send(Command command) {
    if (seen.contains(command.decisionId())) {
      return false;
    }
    seen.add(command.decisionId());
    if (seen.size() > DEDUP_WINDOW) {
      seen.remove(0);
    }
    queued.add(command);
    return true;
  }

  /** Removes and returns up to {@code max} of the oldest commands. */
  @Rpc
  public List<Command> take(int max) {
    int n = Math.min(Math.max(0, max), queued.size());
    List<Command> taken = new ArrayList<>(queued.subList(0, n));
    queued = new ArrayList<>(queued.subList(n, queued.size()));
    return taken;
  }

  /** The queued commands, oldest first, without removing them. */
  @Rpc
  public List<Command> peek() {
    return queued;
  }

  /** The decision ids sent so far (within {@link #DEDUP_WINDOW}). */
  @Rpc
  public Set<String> sent() {
    return new LinkedHashSet<>(seen);
  }
}
