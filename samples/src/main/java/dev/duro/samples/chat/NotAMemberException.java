package dev.duro.samples.chat;

/** A post from a user who has not joined the room. */
public class NotAMemberException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotAMemberException(String user) {
    super(user + " has not joined this room");
  }
}
