package dev.duro.binding;

import dev.duro.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What travels with a call besides its arguments: the call chain (the objects whose turns wait for
 * it, outermost first) and the deadline. Hosts set it on the thread running a turn; invokers read
 * it when a call is sent from that thread, so calls between objects carry the chain (for cycle
 * detection) and the deadline, in process and across gRPC.
 *
 * <p>A caller outside any turn can give calls a deadline:
 *
 * <pre>{@code
 * long v = CallContext.current().withTimeout(Duration.ofSeconds(2)).call(() -> counter.increment(1));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #current()} is per thread. Deadlines are measured on {@link
 * System#nanoTime()}; across processes they travel as a remaining time (gRPC's timeout).
 */
public final class CallContext {
  private static final CallContext NONE = new CallContext(List.of(), false, 0);
  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final List<String> chain;
  private final boolean hasDeadline;
  private final long deadlineNanos;

  private CallContext(List<String> chain, boolean hasDeadline, long deadlineNanos) {
    this.chain = chain;
    this.hasDeadline = hasDeadline;
    this.deadlineNanos = deadlineNanos;
  }

  /** No chain, no deadline: a call from outside any turn. */
  public static CallContext none() {
    return NONE;
  }

  /** The context of the calling thread: the running turn's, or {@link #none()}. */
  public static CallContext current() {
    CallContext c = CURRENT.get();
    return c == null ? NONE : c;
  }

  /**
   * A context with {@code chain} (object references as made by {@link #reference}, outermost caller
   * first) and no deadline.
   */
  public static CallContext of(List<String> chain) {
    return chain.isEmpty() ? NONE : new CallContext(List.copyOf(chain), false, 0);
  }

  /** How an object appears in a chain: {@code namespace/hex-id}. */
  public static String reference(String namespace, ObjectId id) {
    return namespace + "/" + id;
  }

  /** The objects waiting for this call, outermost first; empty outside turns. Unmodifiable. */
  public List<String> chain() {
    return chain;
  }

  /** Whether calls in this context have a deadline. */
  public boolean hasDeadline() {
    return hasDeadline;
  }

  /**
   * The deadline on the {@link System#nanoTime()} scale; meaningful only if {@link #hasDeadline}.
   */
  public long deadlineNanoTime() {
    return deadlineNanos;
  }

  /**
   * Nanoseconds left before the deadline (negative once passed); {@link Long#MAX_VALUE} if none.
   */
  public long remainingNanos() {
    return hasDeadline ? deadlineNanos - System.nanoTime() : Long.MAX_VALUE;
  }

  /** Whether the deadline has passed. */
  public boolean isExpired() {
    return hasDeadline && deadlineNanos - System.nanoTime() <= 0;
  }

  /** This context with a deadline at {@code deadlineNanoTime}, or its own if that is earlier. */
  public CallContext withDeadlineNanoTime(long deadlineNanoTime) {
    if (hasDeadline && deadlineNanos - deadlineNanoTime <= 0) {
      return this;
    }
    return new CallContext(chain, true, deadlineNanoTime);
  }

  /** This context with a deadline {@code timeout} from now, or its own if that is earlier. */
  public CallContext withTimeout(Duration timeout) {
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return this;
    }
    return withDeadlineNanoTime(System.nanoTime() + nanos);
  }

  /** This context with {@code reference} appended to the chain (a turn of that object calls). */
  public CallContext withCaller(String reference) {
    Objects.requireNonNull(reference, "reference");
    List<String> c = new ArrayList<>(chain.size() + 1);
    c.addAll(chain);
    c.add(reference);
    return new CallContext(Collections.unmodifiableList(c), hasDeadline, deadlineNanos);
  }

  /**
   * If {@code reference} is in the chain, the cycle a call to it would close, as {@code "A -> B ->
   * A"}; otherwise {@code null}.
   */
  public String cycleTo(String reference) {
    int i = chain.indexOf(reference);
    if (i < 0) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int k = i; k < chain.size(); k++) {
      b.append(chain.get(k)).append(" -> ");
    }
    return b.append(reference).toString();
  }

  /** Makes this the calling thread's context until the returned scope is closed. */
  public Scope enter() {
    CallContext previous = CURRENT.get();
    CURRENT.set(this);
    return new Scope(previous);
  }

  /** Runs {@code body} with this as the thread's context, then restores the previous one. */
  public <T> T call(Supplier<T> body) {
    try (Scope s = enter()) {
      return body.get();
    }
  }

  /** Runs {@code body} with this as the thread's context, then restores the previous one. */
  public void run(Runnable body) {
    try (Scope s = enter()) {
      body.run();
    }
  }

  /** Restores the thread's previous context when closed; close on the same thread. */
  public static final class Scope implements AutoCloseable {
    private final CallContext previous;

    private Scope(CallContext previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  @Override
  public String toString() {
    return "CallContext[chain="
        + chain
        + (hasDeadline
            ? ", deadline in " + TimeUnit.NANOSECONDS.toMillis(remainingNanos()) + " ms"
            : "")
        + "]";
  }
}
