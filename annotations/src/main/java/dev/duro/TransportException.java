package dev.duro;

/**
 * The host could not be reached, or failed outside the object (for example a failed commit or a
 * shutdown). Whether the call ran is unknown unless the message says otherwise.
 */
public class TransportException extends DuroException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
