package dev.duro.samples.bank;

/**
 * The account is frozen and accepts no credit or debit. A definite refusal: the turn wrote nothing,
 * so a saga may compensate. Rethrown typed by stubs.
 */
public final class AccountFrozenException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public AccountFrozenException(String message) {
    super(message);
  }
}
