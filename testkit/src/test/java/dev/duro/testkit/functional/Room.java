package dev.duro.testkit.functional;

import dev.duro.DurableObject;
import dev.duro.EventSink;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chat room with a streaming method, compiled by the real processor. */
@DurableObject("Room")
public class Room {
  /** One message. */
  public record Note(String from, String text) {}

  @Persist long posts;
  final Map<String, EventSink<Note>> members = new LinkedHashMap<>();

  /**
   * Joins as {@code user}: later posts are sent to {@code notes}.
   *
   * @param user who joins
   * @param notes the member's messages
   */
  @Rpc
  public void join(String user, EventSink<Note> notes) {
    if (user.isEmpty()) {
      throw new IllegalArgumentException("no name");
    }
    members.put(user, notes);
    notes.onClose(() -> members.remove(user));
  }

  /** Sends a note to every member; returns how many accepted it. */
  @Rpc
  public int post(String from, String text) {
    posts++;
    int accepted = 0;
    for (EventSink<Note> m : members.values()) {
      if (m.send(new Note(from, text))) {
        accepted++;
      }
    }
    return accepted;
  }

  /** Ends every member's stream. */
  @Rpc
  public void close() {
    members.values().forEach(EventSink::complete);
  }
}
