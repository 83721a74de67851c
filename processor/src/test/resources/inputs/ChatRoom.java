package test;

import dev.duro.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chat room: members subscribe to its messages; every post goes to each open subscription. */
@DurableObject("ChatRoom")
public class ChatRoom {
  /** One chat message. */
  public record Message(String from, String text) {}

  /** Thrown to users who may not join. */
  public static class Banned extends Exception {
    private static final long serialVersionUID = 1L;

    public Banned(String message) {
      super(message);
    }
  }

  @Persist long posts;
  final Map<String, EventSink<Message>> members = new LinkedHashMap<>();
  final List<EventSink<Long>> watchers = new ArrayList<>();

  /**
   * Joins the room as {@code user}: every later {@link #post} is sent to {@code events}.
   *
   * @param user who joins
   * @param events the member's messages
   * @throws IllegalArgumentException if {@code user} is empty
   * @throws Banned if {@code user} may not join
   */
  @Rpc
  public void join(String user, EventSink<Message> events) throws Banned {
    if (user.isEmpty()) {
      throw new IllegalArgumentException("no name");
    }
    if (user.equals("mallory")) {
      throw new Banned("not you, " + user);
    }
    members.put(user, events);
    events.onClose(() -> members.remove(user));
  }

  /** Sends a message to every member; returns how many accepted it. */
  @Rpc
  public int post(String from, String text) {
    posts++;
    int accepted = 0;
    for (EventSink<Message> m : members.values()) {
      if (m.send(new Message(from, text))) {
        accepted++;
      }
    }
    for (EventSink<Long> w : watchers) {
      w.send(posts);
    }
    return accepted;
  }

  @Rpc
  public void watch(EventSink<Long> counts) {
    watchers.add(counts);
    counts.send(posts);
  }

  /** Ends every member's stream. */
  @Rpc
  public void close() {
    members.values().forEach(EventSink::complete);
  }
}
