package dev.duro.samples.chat;

/** Ends the stream of a member whose buffer of undelivered events was full. */
public class SlowConsumerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlowConsumerException(String user, int capacity) {
    super(user + " fell " + capacity + " events behind and was disconnected; join again");
  }
}
