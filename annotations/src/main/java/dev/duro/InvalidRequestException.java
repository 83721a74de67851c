package dev.duro;

/**
 * The request was rejected before running: an invalid object id, or argument bytes that do not
 * decode. Nothing was run.
 */
public class InvalidRequestException extends DuroException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
