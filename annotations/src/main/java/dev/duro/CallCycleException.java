package dev.duro;

/**
 * The call would close a cycle of objects waiting on each other (A calls B calls A) and was failed
 * at once instead of deadlocking.
 */
public class CallCycleException extends DuroException {
  private static final long serialVersionUID = 1L;

  public CallCycleException(String message) {
    super(message);
  }

  public CallCycleException(String message, Throwable cause) {
    super(message, cause);
  }
}
