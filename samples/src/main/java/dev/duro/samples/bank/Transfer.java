package dev.duro.samples.bank;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.Optional;

/**
 * The saga coordinator of one transfer; name the object after the transaction id, which is also the
 * idempotency key every {@link Account} step is given.
 *
 * <p>{@link #run} reserves the amount on the source, credits the target, then confirms the source's
 * hold. If the source cannot pay, or the target refuses the credit ({@link
 * AccountFrozenException}), it releases the hold and the transfer ends {@link
 * TransferStatus#FAILED}: money is conserved. Any other failure midway (the host lost a commit, an
 * account was overloaded) leaves the outcome unknown, so {@code run} throws, records nothing, and
 * may simply be called again: every step is idempotent by transaction id, so a replay continues
 * where the failed run stopped and never moves money twice. Once the transfer has ended its result
 * is durable and replays return it unchanged.
 */
@DurableObject("bank.Transfer")
public class Transfer {
  // Null until the transfer has ended.
  @Persist TransferResult result;

  private final ObjectContext ctx;
  private final AccountNamespace accounts;

  public Transfer(ObjectContext ctx) {
    this.ctx = ctx;
    this.accounts = ctx.namespace(AccountNamespace::of);
  }

  /**
   * Moves {@code amount} from account {@code from} to account {@code to}, or returns the result of
   * this transaction if it has already ended.
   *
   * @throws IllegalArgumentException if the accounts are the same, the amount is not positive, the
   *     object has no name (the transaction id), or the transaction ended with other arguments
   */
  @Rpc
  public TransferResult run(String from, String to, long amount) {
    String tx =
        ctx.id()
            .name()
            .orElseThrow(() -> new IllegalArgumentException("address a transfer by its id"));
    if (result != null) {
      if (!result.from().equals(from) || !result.to().equals(to) || result.amount() != amount) {
        throw new IllegalArgumentException("transaction " + tx + " was " + result);
      }
      return result;
    }
    if (from.equals(to) || amount <= 0) {
      throw new IllegalArgumentException("a transfer needs two accounts and a positive amount");
    }
    AccountStub source = accounts.get(from);
    AccountStub target = accounts.get(to);
    try {
      source.reserve(tx, amount);
    } catch (InsufficientFundsException | AccountFrozenException e) {
      // Finishes the transaction on the source, so a stray late reserve of it holds nothing.
      source.release(tx);
      return end(tx, from, to, amount, TransferStatus.FAILED, e.getMessage());
    }
    try {
      target.credit(tx, amount);
    } catch (AccountFrozenException e) {
      source.release(tx);
      return end(tx, from, to, amount, TransferStatus.FAILED, e.getMessage());
    }
    source.confirm(tx);
    return end(tx, from, to, amount, TransferStatus.COMPLETED, "");
  }

  /** The result, once the transfer has ended. */
  @Rpc
  public Optional<TransferResult> result() {
    return Optional.ofNullable(result);
  }

  private TransferResult end(
      String tx, String from, String to, long amount, TransferStatus status, String reason) {
    result = new TransferResult(tx, from, to, amount, status, reason == null ? "" : reason);
    return result;
  }
}
