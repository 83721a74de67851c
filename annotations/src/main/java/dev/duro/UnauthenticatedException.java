package dev.duro;

/**
 * The host refused the call because the caller did not prove who it is: a credential (such as a
 * bearer token or a client certificate) was missing or not accepted. Nothing was run; retrying with
 * the same credentials fails the same way.
 */
public class UnauthenticatedException extends DuroException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }

  public UnauthenticatedException(String message, Throwable cause) {
    super(message, cause);
  }
}
