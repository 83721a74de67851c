package dev.duro;

/**
 * The server side of a streaming {@code @Rpc} method: a subscriber's connection, to which the
 * object pushes events. A method streams when its last parameter is an {@code EventSink<E>} and it
 * returns {@code void}:
 *
 * <pre>{@code
 * @Rpc
 * public void join(String user, EventSink<ChatEvent> events) {
 *   members.put(user, events);                 // keep it: in memory, for later turns
 *   events.onClose(() -> members.remove(user)); // the subscriber went away
 * }
 *
 * @Rpc
 * public void post(String user, String text) {
 *   members.forEach((name, sink) -> sink.send(new ChatEvent(user, text)));
 * }
 * }</pre>
 *
 * <p>Clients get a {@link java.util.concurrent.Flow.Publisher} from the generated stub; each
 * subscription is one call of the method, so one sink.
 *
 * <p><b>Events follow the turn.</b> {@link #send}, {@link #complete} and {@link #fail} take effect
 * only when the turn that called them commits durably, like a reply: a turn that throws sends
 * nothing and closes nothing, and a subscriber never sees an event whose turn was lost. Events of
 * one sink arrive in the order sent. If the turn that received the sink throws, the subscriber gets
 * that error and the stream ends.
 *
 * <p><b>Flow control.</b> Each sink has a bounded buffer of {@link #capacity()} events (a host
 * setting). Events wait there until the subscriber asks for them (gRPC flow control over the
 * network). When the buffer is full, {@link #send} refuses the event and returns {@code false}; the
 * object decides what to do with a slow subscriber — skip events, or {@link #fail} it. The object's
 * turns never block on a subscriber.
 *
 * <p><b>Lifetime.</b> A sink lives in memory only: keep it in a plain (not {@code @Persist}) field.
 * An object with an open sink is not evicted when idle. When the object is reset (a failed commit),
 * or the host restarts or shuts down, its streams end with an error and subscribers subscribe
 * again. When the subscriber cancels or disconnects, {@link #isOpen()} turns {@code false} and the
 * actions given to {@link #onClose} run as a turn of the object.
 *
 * <p><b>Threading.</b> Call the methods only from turns of the object that received the sink (any
 * of its turns: calls, alarms, close actions); other threads get {@link IllegalStateException}.
 *
 * @param <E> the event type, any type an {@code @Rpc} method may return
 */
public interface EventSink<E> {
  /**
   * Queues {@code event} for delivery once the current turn commits.
   *
   * @return {@code false} if the event was not queued: the stream has ended (or will end with this
   *     turn), or the buffer already holds {@link #capacity()} events
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalStateException if called outside a turn of the owning object
   */
  boolean send(E event);

  /**
   * Whether events can still be sent: {@code false} once the subscriber cancelled or disconnected,
   * or the object completed or failed the stream.
   */
  boolean isOpen();

  /** Events queued and not yet taken by the subscriber, including this turn's. */
  int backlog();

  /** The most events {@link #backlog()} may hold. */
  int capacity();

  /**
   * Ends the stream normally, after every event sent before, once the current turn commits. Does
   * nothing if the stream has ended.
   *
   * @throws IllegalStateException if called outside a turn of the owning object
   */
  void complete();

  /**
   * Ends the stream with {@code error}, after every event sent before, once the current turn
   * commits; the subscriber receives it as it would a turn's exception (type name and message).
   * Does nothing if the stream has ended.
   *
   * @throws IllegalStateException if called outside a turn of the owning object
   */
  void fail(Throwable error);

  /**
   * Registers {@code action} to run, as a turn of the owning object, when the subscriber cancels or
   * disconnects. It does not run when the object itself ends the stream, nor when the object
   * instance is gone (reset, restart). Its writes commit like any turn's; if it throws, the error
   * is logged and its writes rolled back. Registering on a sink whose subscriber is already gone
   * runs the action in a later turn.
   *
   * @throws IllegalStateException if called outside a turn of the owning object
   */
  void onClose(Runnable action);
}
