package dev.duro;

/** The host has no such namespace, or the namespace has no such method. Nothing was run. */
public class UnknownMethodException extends DuroException {
  private static final long serialVersionUID = 1L;

  public UnknownMethodException(String message) {
    super(message);
  }

  public UnknownMethodException(String message, Throwable cause) {
    super(message, cause);
  }
}
