package dev.duro.samples.chat;

import java.time.Instant;

/**
 * What a member receives: a message ({@code seq} > 0, from {@code user}) or a system notice ({@link
 * Kind#JOINED}, {@link Kind#LEFT}; {@code seq} 0).
 */
public record ChatEvent(Kind kind, String user, String text, long seq, Instant at) {
  /** The kind of event. */
  public enum Kind {
    MESSAGE,
    JOINED,
    LEFT
  }
}
