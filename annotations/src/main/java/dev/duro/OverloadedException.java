package dev.duro;

/** The object's queue of waiting calls is full. Nothing was run; the call may be retried later. */
public class OverloadedException extends DuroException {
  private static final long serialVersionUID = 1L;

  public OverloadedException(String message) {
    super(message);
  }

  public OverloadedException(String message, Throwable cause) {
    super(message, cause);
  }
}
