package dev.duro;

/** The call's deadline passed. If it passed before the turn started, the turn was not run. */
public class DeadlineExceededException extends DuroException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message) {
    super(message);
  }

  public DeadlineExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
