package dev.duro.samples.bank;

/**
 * An account cannot pay: its available balance (balance less reservations) is below the amount.
 * Declared in the {@code throws} clause of {@link Account}'s methods, so stubs rethrow it as this
 * type; the refused turn wrote nothing.
 */
public final class InsufficientFundsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message} (the stub rebuilds it from the remote message). */
  public InsufficientFundsException(String message) {
    super(message);
  }
}
