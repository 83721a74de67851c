package dev.duro.samples.bank;

import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/** The bank demo: a refused debit, a saga transfer, its replay and a compensated transfer. */
public final class BankDemo {
  private BankDemo() {}

  /**
   * Runs the demo through {@code invoker}, printing to {@code out}.
   *
   * @throws IllegalStateException if an account or transfer does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) {
    AccountNamespace accounts = AccountNamespace.of(invoker);
    TransferNamespace transfers = TransferNamespace.of(invoker);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String a = "alice-" + run;
    String b = "bob-" + run;
    AccountStub alice = accounts.get(a);
    AccountStub bob = accounts.get(b);
    try {
      alice.deposit(100);
      bob.deposit(50);
      out.printf("%s: 100, %s: 50%n", a, b);
      try {
        alice.withdraw(500, "yacht");
        throw new IllegalStateException("an overdraft went through");
      } catch (InsufficientFundsException e) {
        out.println("  withdraw 500 refused: " + e.getMessage());
      }
      check(alice.ledger().equals(List.of("deposit 100")), "the refused debit wrote to the ledger");

      TransferResult r = transfers.get("tx-" + run + "-1").run(a, b, 30);
      out.println("  transfer 30: " + r.status());
      TransferResult replay = transfers.get("tx-" + run + "-1").run(a, b, 30);
      check(replay.equals(r), "a replay changed the result");
      out.printf(
          "  replayed: %s, balances %d and %d%n",
          replay.status(), alice.status().balance(), bob.status().balance());
      check(alice.status().balance() == 70 && bob.status().balance() == 80, "money moved twice");

      bob.setFrozen(true);
      TransferResult refused = transfers.get("tx-" + run + "-2").run(a, b, 20);
      out.printf(
          "  transfer 20 to a frozen account: %s (%s), hold released, balances %d and %d%n",
          refused.status(), refused.reason(), alice.status().balance(), bob.status().balance());
      check(
          refused.status() == TransferStatus.FAILED
              && alice.status().total() + bob.status().total() == 150,
          "money was not conserved");
      out.println("  money conserved: 150");
    } catch (AccountFrozenException e) {
      throw new IllegalStateException(e);
    }
  }
}
