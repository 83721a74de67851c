package dev.duro.runtime.internal.activation;

import dev.duro.DuroException;
import dev.duro.EventSink;
import dev.duro.RemoteFailureException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber of a streaming method: the object's {@link EventSink} and the subscriber's {@link
 * Flow.Subscription}.
 *
 * <p>The object's side runs in its turns: {@link #send}, {@link #complete} and {@link #fail} only
 * record effects in the running turn, released in commit order once the turn is durable ({@link
 * #released}) or dropped if it is not ({@link #discarded}). Released events wait in a bounded
 * buffer until the subscriber asks for them; one drain task at a time delivers them on the turn
 * executor, so signals to the subscriber are serial and a slow subscriber never holds a committer
 * or turn thread.
 */
final class StreamSink implements EventSink<byte[]>, Flow.Subscription {
  /** What a turn asked of a sink, to apply once the turn is durable. */
  static final class Effect {
    final StreamSink sink;
    final byte @Nullable [] event;
    final boolean end;
    final @Nullable DuroException error;

    private Effect(
        StreamSink sink, byte @Nullable [] event, boolean end, @Nullable DuroException error) {
      this.sink = sink;
      this.event = event;
      this.end = end;
      this.error = error;
    }

    /** The turn is durable: queue the event (or ending); see {@link #deliver}. */
    void release() {
      sink.released(this);
    }

    /** After {@link #release}, outside the object's lock: start delivering. */
    void deliver() {
      sink.scheduleDrain();
    }

    void discard() {
      sink.discarded(this);
    }
  }

  private final ObjectCell cell;
  private final Flow.Subscriber<? super byte[]> subscriber;
  private final Executor executor;
  private final int capacity;
  private final String description;

  // ---- Guarded by this.
  private final ArrayDeque<byte[]> buffer = new ArrayDeque<>();

  /** Events sent by turns not yet durable (or rolled back). */
  private int inFlight;

  private long demand;
  private boolean draining;
  private boolean cancelled;

  /** A terminal signal is decided: delivered once the buffer is drained. */
  private boolean ending;

  private @Nullable Throwable endError;

  /** The terminal signal went out (or the subscriber cancelled): nothing more is delivered. */
  private boolean terminated;

  /** The subscribe turn: cancelled if the subscriber cancels before it starts. */
  private @Nullable Future<?> subscribeTurn;

  // ---- Confined to the owning object's turns.
  /** The object asked to end the stream, in a turn that may still roll back. */
  private boolean endRequested;

  /** The instance that received the sink; null until the subscribe turn runs. */
  private volatile @Nullable Object owner;

  private volatile boolean established;
  private final List<Runnable> closeActions = new ArrayList<>(1);

  StreamSink(
      ObjectCell cell,
      Flow.Subscriber<? super byte[]> subscriber,
      Executor executor,
      int capacity,
      String description) {
    this.cell = cell;
    this.subscriber = subscriber;
    this.executor = executor;
    this.capacity = capacity;
    this.description = description;
  }

  void subscribeTurn(Future<?> turn) {
    boolean cancelNow;
    synchronized (this) {
      subscribeTurn = turn;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      turn.cancel(false);
    }
  }

  /** Called in the subscribe turn, before the method runs. */
  void attach(Object instance) {
    owner = instance;
  }

  @Nullable Object owner() {
    return owner;
  }

  /** The subscribe turn committed: the stream is open, and ends if its object is reset. */
  void established() {
    established = true;
  }

  boolean isEstablished() {
    return established;
  }

  // ------------------------------------------------------------------------------------------
  // The object's side

  private TurnState turn(String what) {
    TurnState t = cell.turn;
    if (t == null || cell.turnThread != Thread.currentThread()) {
      throw new IllegalStateException(
          "EventSink."
              + what
              + " called outside a turn of "
              + cell
              + "; use a sink only from the turns of the object that received it");
    }
    return t;
  }

  @Override
  public boolean send(byte[] event) {
    Objects.requireNonNull(event, "event");
    TurnState t = turn("send");
    if (endRequested) {
      return false;
    }
    synchronized (this) {
      if (cancelled || ending || terminated || buffer.size() + inFlight >= capacity) {
        return false;
      }
      inFlight++;
    }
    t.addEffect(new Effect(this, event, false, null));
    return true;
  }

  @Override
  public boolean isOpen() {
    if (endRequested) {
      return false;
    }
    synchronized (this) {
      return !cancelled && !ending && !terminated;
    }
  }

  @Override
  public synchronized int backlog() {
    return buffer.size() + inFlight;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void complete() {
    end("complete", null);
  }

  @Override
  public void fail(Throwable error) {
    Objects.requireNonNull(error, "error");
    end(
        "fail",
        error instanceof DuroException
            ? (DuroException) error
            : new RemoteFailureException(error.getClass().getName(), error.getMessage(), error));
  }

  private void end(String what, @Nullable DuroException error) {
    TurnState t = turn(what);
    if (!isOpen()) {
      return;
    }
    endRequested = true;
    t.addEffect(new Effect(this, null, true, error));
  }

  @Override
  public void onClose(Runnable action) {
    Objects.requireNonNull(action, "action");
    turn("onClose");
    closeActions.add(action);
    boolean gone;
    synchronized (this) {
      gone = cancelled;
    }
    if (gone) {
      cell.engine.runCloseActions(cell, this);
    }
  }

  /** Runs in a turn of the owner: the subscriber went away. */
  void runCloseActions() {
    List<Runnable> actions = List.copyOf(closeActions);
    closeActions.clear();
    for (Runnable a : actions) {
      a.run();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Commit outcomes

  private void released(Effect e) {
    synchronized (this) {
      if (e.end) {
        if (!ending && !terminated) {
          ending = true;
          endError = e.error;
        }
      } else {
        inFlight--;
        if (cancelled || ending || terminated) {
          return;
        }
        buffer.add(Objects.requireNonNull(e.event));
      }
    }
    if (e.end) {
      cell.streamEnded(this);
    }
  }

  private void discarded(Effect e) {
    if (e.end) {
      // Confined: effects are discarded by the turn that made them, or after its commit failed,
      // when the instance (and so the sink) is reset anyway.
      endRequested = false;
    } else {
      synchronized (this) {
        inFlight--;
      }
    }
  }

  /**
   * Ends the stream with {@code error} from the runtime's side (the subscribe turn failed, the
   * object was reset, the host is closing); events already durable are delivered first.
   */
  void failByRuntime(Throwable error) {
    synchronized (this) {
      if (cancelled || ending || terminated) {
        return;
      }
      ending = true;
      endError = error;
    }
    cell.streamEnded(this);
    scheduleDrain();
  }

  // ------------------------------------------------------------------------------------------
  // The subscriber's side

  @Override
  public void request(long n) {
    synchronized (this) {
      if (cancelled || terminated) {
        return;
      }
      if (n <= 0) {
        // Reactive Streams rule 3.9: a non-positive request fails the subscription.
        ending = true;
        endError =
            new IllegalArgumentException("Subscription.request(" + n + "): must be positive");
        buffer.clear();
      } else {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      }
    }
    scheduleDrain();
  }

  @Override
  public void cancel() {
    Future<?> pendingTurn;
    boolean wasOpen;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      wasOpen = !ending && !terminated;
      cancelled = true;
      buffer.clear();
      pendingTurn = subscribeTurn;
    }
    if (pendingTurn != null) {
      // Skips the subscribe turn if it has not started yet.
      pendingTurn.cancel(false);
    }
    cell.streamEnded(this);
    if (wasOpen) {
      cell.engine.runCloseActions(cell, this);
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }

  void scheduleDrain() {
    synchronized (this) {
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RuntimeException rejected) {
      drain();
    }
  }

  private void drain() {
    while (true) {
      byte[] next = null;
      Throwable error = null;
      boolean complete = false;
      synchronized (this) {
        if (cancelled || terminated) {
          draining = false;
          return;
        }
        if (!buffer.isEmpty() && demand > 0) {
          next = buffer.poll();
          if (demand != Long.MAX_VALUE) {
            demand--;
          }
        } else if (buffer.isEmpty() && ending) {
          terminated = true;
          error = endError;
          complete = error == null;
        } else {
          draining = false;
          return;
        }
      }
      try {
        if (next != null) {
          subscriber.onNext(next);
        } else if (complete) {
          subscriber.onComplete();
        } else {
          subscriber.onError(Objects.requireNonNull(error));
        }
      } catch (Throwable t) {
        // Rule 2.13: a throwing subscriber is treated as cancelled.
        cancel();
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
        synchronized (this) {
          draining = false;
        }
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "EventSink[" + description + "]";
  }
}
