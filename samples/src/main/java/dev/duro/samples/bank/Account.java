package dev.duro.samples.bank;

import dev.duro.DurableObject;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bank account (name the object after the account number).
 *
 * <p>Debits are transactional: a debit that the available balance cannot cover throws {@link
 * InsufficientFundsException} and, because a throwing turn is rolled back, writes nothing — not the
 * balance, not the ledger entry. {@link #debitAll} applies several debits all or nothing the same
 * way. Every debit and credit appends a line to a ledger kept in the object's storage.
 *
 * <p>The saga steps of a {@link Transfer} are idempotent by transaction id, so a coordinator that
 * crashed may replay them: {@link #reserve} moves the amount out of the balance into a hold, {@link
 * #confirm} drops the hold (the money is gone), {@link #release} gives it back, {@link #credit}
 * adds money once per transaction. A transaction confirmed or released is finished: later {@code
 * reserve}, {@code confirm} or {@code release} calls for it change nothing.
 */
@DurableObject("bank.Account")
public class Account {
  @Persist long balance;
  @Persist Map<String, Long> holds = new LinkedHashMap<>();
  @Persist Set<String> finished = new HashSet<>();
  @Persist Set<String> credited = new HashSet<>();
  @Persist boolean frozen;
  @Persist long ledgerSequence;

  private final ObjectContext ctx;

  public Account(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Adds {@code amount}; returns the new balance.
   *
   * @throws IllegalArgumentException if the amount is not positive
   * @throws AccountFrozenException if the account is frozen
   */
  @Rpc
  public long deposit(long amount) throws AccountFrozenException {
    requireOpen();
    balance = Math.addExact(balance, positive(amount));
    log("deposit", amount, "");
    return balance;
  }

  /**
   * Takes {@code amount} out; returns the new balance.
   *
   * @throws InsufficientFundsException if the balance cannot cover it (nothing is written)
   * @throws AccountFrozenException if the account is frozen
   */
  @Rpc
  public long withdraw(long amount, String memo)
      throws InsufficientFundsException, AccountFrozenException {
    requireOpen();
    debit(amount, memo);
    return balance;
  }

  /**
   * Applies every debit in order, all or nothing; returns the new balance.
   *
   * @throws InsufficientFundsException if one cannot be covered: none is applied (the turn's
   *     earlier debits and ledger lines are rolled back with it)
   * @throws AccountFrozenException if the account is frozen
   */
  @Rpc
  public long debitAll(List<Debit> debits)
      throws InsufficientFundsException, AccountFrozenException {
    requireOpen();
    for (Debit d : debits) {
      debit(d.amount(), d.memo());
    }
    return balance;
  }

  /**
   * Holds {@code amount} for transaction {@code transactionId}: it leaves the balance but is not
   * gone until {@link #confirm}. Idempotent: a transaction already held or finished changes
   * nothing.
   *
   * @throws InsufficientFundsException if the balance cannot cover it (nothing is held)
   * @throws AccountFrozenException if the account is frozen
   */
  @Rpc
  public AccountStatus reserve(String transactionId, long amount)
      throws InsufficientFundsException, AccountFrozenException {
    if (!holds.containsKey(transactionId) && !finished.contains(transactionId)) {
      requireOpen();
      debit(amount, "hold " + transactionId);
      holds.put(transactionId, amount);
    }
    return status();
  }

  /** Makes the hold of {@code transactionId} final (the money has left). Idempotent. */
  @Rpc
  public AccountStatus confirm(String transactionId) {
    if (holds.remove(transactionId) != null) {
      finished.add(transactionId);
    }
    return status();
  }

  /**
   * Gives the hold of {@code transactionId} back to the balance. Idempotent; releasing a
   * transaction never held finishes it too, so a late {@link #reserve} of it holds nothing.
   */
  @Rpc
  public AccountStatus release(String transactionId) {
    Long amount = holds.remove(transactionId);
    if (amount != null) {
      balance += amount;
      log("release", amount, transactionId);
      finished.add(transactionId);
    } else if (!finished.contains(transactionId)) {
      finished.add(transactionId);
    }
    return status();
  }

  /**
   * Adds {@code amount} for transaction {@code transactionId}, once: a replay changes nothing.
   *
   * @throws AccountFrozenException if the account is frozen (nothing is credited)
   */
  @Rpc
  public AccountStatus credit(String transactionId, long amount) throws AccountFrozenException {
    if (!credited.contains(transactionId)) {
      requireOpen();
      balance = Math.addExact(balance, positive(amount));
      credited.add(transactionId);
      log("credit", amount, transactionId);
    }
    return status();
  }

  /** Freezes or unfreezes the account; a frozen account refuses debits, holds and credits. */
  @Rpc
  public void setFrozen(boolean frozen) {
    this.frozen = frozen;
  }

  /** The balance, the holds and whether the account is frozen. */
  @Rpc
  public AccountStatus status() {
    long held = holds.values().stream().mapToLong(Long::longValue).sum();
    return new AccountStatus(balance, held, new LinkedHashMap<>(holds), frozen);
  }

  /** The ledger, oldest first: one line per deposit, debit, credit and release. */
  @Rpc
  public List<String> ledger() {
    List<String> lines = new ArrayList<>();
    for (byte[] v : ctx.storage().list(ListOptions.all().prefix("ledger:")).values()) {
      lines.add(new String(v, StandardCharsets.UTF_8));
    }
    return lines;
  }

  private void debit(long amount, String memo) throws InsufficientFundsException {
    positive(amount);
    if (amount > balance) {
      // Thrown before any write of this debit; earlier writes of the turn roll back with it.
      throw new InsufficientFundsException(
          ctx.id().name().orElse(ctx.id().toString())
              + ": balance "
              + balance
              + " cannot cover "
              + amount);
    }
    balance -= amount;
    log("debit", amount, memo);
  }

  private void log(String kind, long amount, String memo) {
    ledgerSequence++;
    String line = kind + " " + amount + (memo.isEmpty() ? "" : " " + memo);
    // Zero-padded so that the storage's key order is the ledger's order.
    ctx.storage()
        .put(String.format("ledger:%019d", ledgerSequence), line.getBytes(StandardCharsets.UTF_8));
  }

  private void requireOpen() throws AccountFrozenException {
    if (frozen) {
      throw new AccountFrozenException(ctx.id().name().orElse(ctx.id().toString()) + " is frozen");
    }
  }

  private static long positive(long amount) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive: " + amount);
    }
    return amount;
  }
}
