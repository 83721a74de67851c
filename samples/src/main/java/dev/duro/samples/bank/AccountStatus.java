package dev.duro.samples.bank;

import java.util.Map;

/**
 * An account's state: {@code balance} is what it can spend, {@code held} the sum of {@code
 * reservations} (transaction id to amount) taken out of the balance by transfers not yet confirmed
 * or released. The account's money is {@code balance + held}.
 */
public record AccountStatus(
    long balance, long held, Map<String, Long> reservations, boolean frozen) {
  /** The account's money, reservations included. */
  public long total() {
    return balance + held;
  }
}
