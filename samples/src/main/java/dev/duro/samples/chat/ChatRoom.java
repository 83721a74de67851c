package dev.duro.samples.chat;

import dev.duro.DurableMap;
import dev.duro.DurableObject;
import dev.duro.EventSink;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat room (seed 001): members {@linkplain #join join} with a server stream and receive every
 * message posted by others, plus join and leave notices, in one order for everyone.
 *
 * <p>The members' sinks live in memory, like the seed's WebSocket sessions; the message history is
 * durable (a {@link DurableMap} by sequence number, trimmed to {@link #HISTORY}), so a member who
 * joins gets the recent history first, and a restarted host still has it. A message is delivered
 * only once its turn is durable: nobody ever sees a message the room then forgets.
 *
 * <p>Slow members: each sink buffers a bounded number of events; a member whose buffer is full when
 * a message arrives is disconnected (its stream fails with {@link SlowConsumerException}) rather
 * than silently missing messages. It can join again and catch up from the history.
 */
@DurableObject("chat.ChatRoom")
public class ChatRoom {
  /** Messages kept, and replayed to a joining member. */
  public static final int HISTORY = 100;

  @Persist long lastSeq;
  DurableMap<Long, ChatEvent> messages;

  private final ObjectContext ctx;
  private final Map<String, EventSink<ChatEvent>> members = new LinkedHashMap<>();

  public ChatRoom(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Joins {@code user}: replays the last {@code replay} messages (at most {@link #HISTORY}) to the
   * new member, then tells the others. Joining again under a connected name replaces the old
   * connection (which ends normally).
   *
   * @throws IllegalArgumentException if {@code user} is blank or {@code replay} negative
   */
  @Rpc
  public void join(String user, int replay, EventSink<ChatEvent> events) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    if (replay < 0) {
      throw new IllegalArgumentException("replay must not be negative: " + replay);
    }
    for (ChatEvent past : recent(Math.min(replay, HISTORY))) {
      events.send(past);
    }
    EventSink<ChatEvent> previous = members.put(user, events);
    if (previous != null) {
      previous.complete();
    } else {
      broadcast(new ChatEvent(ChatEvent.Kind.JOINED, user, user + " joined", 0, ctx.now()), user);
    }
    events.onClose(
        () -> {
          // Only if this connection is still the member's (a re-join replaced it otherwise).
          if (members.get(user) == events) {
            members.remove(user);
            broadcast(new ChatEvent(ChatEvent.Kind.LEFT, user, user + " left", 0, ctx.now()), user);
          }
        });
  }

  /**
   * Posts {@code text} from {@code user} to every other member; returns its sequence number.
   *
   * @throws IllegalArgumentException if {@code text} is blank
   * @throws NotAMemberException if {@code user} has not joined
   */
  @Rpc
  public long post(String user, String text) throws NotAMemberException {
    if (!members.containsKey(user)) {
      throw new NotAMemberException(user);
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    long seq = ++lastSeq;
    ChatEvent message = new ChatEvent(ChatEvent.Kind.MESSAGE, user, text, seq, ctx.now());
    messages.put(seq, message);
    if (seq > HISTORY) {
      messages.remove(seq - HISTORY);
    }
    broadcast(message, user);
    return seq;
  }

  /** Ends {@code user}'s stream normally and tells the others; false if not a member. */
  @Rpc
  public boolean leave(String user) {
    EventSink<ChatEvent> sink = members.remove(user);
    if (sink == null) {
      return false;
    }
    sink.complete();
    broadcast(new ChatEvent(ChatEvent.Kind.LEFT, user, user + " left", 0, ctx.now()), user);
    return true;
  }

  /** The connected members, in joining order. */
  @Rpc
  public List<String> members() {
    return List.copyOf(members.keySet());
  }

  /** The last {@code limit} messages, oldest first. */
  @Rpc
  public List<ChatEvent> history(int limit) {
    return recent(Math.max(0, Math.min(limit, HISTORY)));
  }

  private List<ChatEvent> recent(int limit) {
    if (limit == 0) {
      return List.of();
    }
    List<ChatEvent> oldestFirst = new ArrayList<>(limit);
    List<Map.Entry<Long, ChatEvent>> newestFirst = messages.range(null, null, true, limit);
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      oldestFirst.add(newestFirst.get(i).getValue());
    }
    return oldestFirst;
  }

  /**
   * Sends {@code event} to every member but {@code except}; disconnects members too slow for it.
   */
  private void broadcast(ChatEvent event, String except) {
    List<String> slow = new ArrayList<>();
    for (Map.Entry<String, EventSink<ChatEvent>> m : members.entrySet()) {
      if (!m.getKey().equals(except) && !m.getValue().send(event)) {
        slow.add(m.getKey());
      }
    }
    for (String user : slow) {
      EventSink<ChatEvent> sink = members.remove(user);
      sink.fail(new SlowConsumerException(user, sink.capacity()));
    }
  }
}
