package dev.duro.testkit.functional;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;

/** Declares an exception, which stubs rethrow typed, whether the object or a fake threw it. */
@DurableObject("Vault")
public class Vault {
  /** Not enough money. */
  public static class Insufficient extends Exception {
    private static final long serialVersionUID = 1L;

    public Insufficient(String message) {
      super(message);
    }
  }

  @Persist long balance;

  @Rpc
  public long deposit(long amount) {
    balance += amount;
    return balance;
  }

  /** Takes {@code amount} out; returns what is left. */
  @Rpc
  public long withdraw(long amount) throws Insufficient {
    if (amount > balance) {
      throw new Insufficient("only " + balance);
    }
    balance -= amount;
    return balance;
  }
}
