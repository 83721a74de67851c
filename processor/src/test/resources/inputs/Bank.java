package test;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;

/** Declares exceptions: the stub rethrows them typed when it can construct them. */
@DurableObject
public class Bank {
  /** Checked, with a public (String) constructor. */
  public static class InsufficientFunds extends Exception {
    private static final long serialVersionUID = 1L;

    public InsufficientFunds(String message) {
      super(message);
    }
  }

  /** Unchecked, with only a public no-argument constructor. */
  public static class Frozen extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Frozen() {
      super("frozen");
    }
  }

  /** No public constructor the stub can use: rethrown as RemoteFailureException. */
  public static class Audited extends Exception {
    private static final long serialVersionUID = 1L;

    Audited(String message) {
      super(message);
    }
  }

  @Persist long balance;
  @Persist boolean frozen;

  @Rpc
  public long withdraw(long amount) throws InsufficientFunds, Audited {
    if (frozen) {
      throw new Frozen();
    }
    if (amount > balance) {
      throw new InsufficientFunds("balance " + balance + " < " + amount);
    }
    if (amount == 13) {
      throw new Audited("unlucky");
    }
    balance -= amount;
    return balance;
  }

  @Rpc
  public void freeze(boolean failure) throws Frozen {
    frozen = failure;
  }

  @Rpc
  public void check() throws Frozen {
    if (frozen) {
      throw new Frozen();
    }
  }

  @Rpc
  public long deposit(long amount) {
    balance += amount;
    return balance;
  }
}
