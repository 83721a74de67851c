package dev.duro.samples.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class BankTest {
  DuroTestKit kit;
  private AccountNamespace accounts;
  private TransferNamespace transfers;
  private AccountStub alice;
  private AccountStub bob;

  @BeforeEach
  void setUp() throws Exception {
    accounts = kit.namespace(AccountNamespace::of);
    transfers = kit.namespace(TransferNamespace::of);
    alice = accounts.get("alice");
    bob = accounts.get("bob");
    alice.deposit(100);
    bob.deposit(50);
  }

  @Test
  void aDebitTheBalanceCannotCoverThrowsTypedAndWritesNothing() throws Exception {
    assertEquals(70, alice.withdraw(30, "rent"));
    Map<String, byte[]> before = kit.storage(alice).entries();
    InsufficientFundsException e =
        assertThrows(InsufficientFundsException.class, () -> alice.withdraw(71, "car"));
    assertTrue(e.getMessage().contains("balance 70 cannot cover 71"), e.getMessage());
    assertEquals(70, alice.status().balance());
    assertEquals(before.keySet(), kit.storage(alice).entries().keySet(), "no ledger line");
    assertEquals(List.of("deposit 100", "debit 30 rent"), alice.ledger());
  }

  @Test
  void debitAllIsAllOrNothing() throws Exception {
    assertThrows(
        InsufficientFundsException.class,
        () -> alice.debitAll(List.of(new Debit(40, "a"), new Debit(40, "b"), new Debit(40, "c"))));
    assertEquals(100, alice.status().balance(), "the first two debits rolled back too");
    assertEquals(List.of("deposit 100"), alice.ledger());
    assertEquals(20, alice.debitAll(List.of(new Debit(40, "a"), new Debit(40, "b"))));
    assertEquals(List.of("deposit 100", "debit 40 a", "debit 40 b"), alice.ledger());
  }

  @Test
  void aTransferMovesTheMoneyOnceAndAReplayChangesNothing() throws Exception {
    TransferStub t = transfers.get("tx-1");
    TransferResult r = t.run("alice", "bob", 30);
    assertEquals(new TransferResult("tx-1", "alice", "bob", 30, TransferStatus.COMPLETED, ""), r);
    assertBalances(70, 80);
    List<String> aliceLedger = alice.ledger();
    List<String> bobLedger = bob.ledger();

    assertEquals(r, t.run("alice", "bob", 30));
    kit.evictAll();
    assertEquals(r, transfers.get("tx-1").run("alice", "bob", 30));
    assertBalances(70, 80);
    assertEquals(aliceLedger, alice.ledger());
    assertEquals(bobLedger, bob.ledger());
    RemoteFailureException other =
        assertThrows(RemoteFailureException.class, () -> t.run("alice", "bob", 31));
    assertEquals(IllegalArgumentException.class.getName(), other.remoteType());
    // The account steps are idempotent on their own too.
    alice.reserve("tx-1", 30);
    alice.release("tx-1");
    bob.credit("tx-1", 30);
    assertBalances(70, 80);
  }

  @Test
  void aSourceThatCannotPayFailsTheTransferWithNothingHeld() throws Exception {
    TransferResult r = transfers.get("tx-2").run("alice", "bob", 101);
    assertEquals(TransferStatus.FAILED, r.status());
    assertTrue(r.reason().contains("cannot cover 101"), r.reason());
    assertBalances(100, 50);
    // The transaction is finished on the source: a stray late reserve holds nothing.
    assertEquals(100, alice.reserve("tx-2", 10).balance());
  }

  @Test
  void aRefusedCreditReleasesTheHold() throws Exception {
    bob.setFrozen(true);
    TransferStub t = transfers.get("tx-3");
    TransferResult r = t.run("alice", "bob", 40);
    assertEquals(TransferStatus.FAILED, r.status());
    assertTrue(r.reason().contains("bob is frozen"), r.reason());
    assertBalances(100, 50);
    assertEquals(Map.of(), alice.status().reservations());
    assertEquals(List.of("deposit 100", "debit 40 hold tx-3", "release 40 tx-3"), alice.ledger());

    bob.setFrozen(false);
    assertEquals(r, t.run("alice", "bob", 40), "the ended transfer is not retried");
    assertBalances(100, 50);
  }

  @Test
  void aFailureMidwayKeepsTheMoneyHeldAndAReplayFinishesTheTransfer() throws Exception {
    TransferStub t = transfers.get("tx-4");
    kit.overload(bob); // the credit cannot get in: its outcome is not a refusal
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> t.run("alice", "bob", 30));
    assertEquals(OverloadedException.class.getName(), e.remoteType());
    AccountStatus held = alice.status();
    assertEquals(70, held.balance());
    assertEquals(Map.of("tx-4", 30L), held.reservations());
    assertEquals(Optional.empty(), t.result(), "nothing recorded: the run may be replayed");

    kit.clearOverload(bob);
    assertEquals(150, held.total() + bob.status().total(), "money is conserved while held");
    assertEquals(TransferStatus.COMPLETED, t.run("alice", "bob", 30).status());
    assertBalances(70, 80);
    assertEquals(List.of("deposit 100", "debit 30 hold tx-4"), alice.ledger(), "held once");
    t.run("alice", "bob", 30);
    assertBalances(70, 80);
  }

  @Test
  void aLostCommitMidwayIsRepairedByAReplay() throws Exception {
    TransferStub t = transfers.get("tx-5");
    kit.failNextCommit();
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> t.run("alice", "bob", 30));
    assertEquals(TransportException.class.getName(), e.remoteType());
    assertEquals(Optional.empty(), t.result());
    assertEquals(150, alice.status().total() + bob.status().total());
    assertEquals(TransferStatus.COMPLETED, t.run("alice", "bob", 30).status());
    assertBalances(70, 80);
    t.run("alice", "bob", 30);
    assertBalances(70, 80);
  }

  @Test
  void parallelTransfersConserveMoneyAndMatchTheirResults() throws Exception {
    List<String> names = List.of("alice", "bob", "carol", "dave");
    accounts.get("carol").deposit(100);
    accounts.get("dave").deposit(100);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<TransferResult>>> futures = new ArrayList<>();
    for (int th = 0; th < 8; th++) {
      int seed = th;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed);
                List<TransferResult> results = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                  int from = random.nextInt(4);
                  int to = (from + 1 + random.nextInt(3)) % 4;
                  results.add(
                      transfers
                          .get("p-" + seed + "-" + i)
                          .run(names.get(from), names.get(to), 1 + random.nextInt(60)));
                }
                return results;
              }));
    }
    long[] expected = {100, 50, 100, 100};
    int completed = 0;
    for (Future<List<TransferResult>> f : futures) {
      for (TransferResult r : f.get()) {
        if (r.status() == TransferStatus.COMPLETED) {
          expected[names.indexOf(r.from())] -= r.amount();
          expected[names.indexOf(r.to())] += r.amount();
          completed++;
        }
      }
    }
    pool.shutdown();
    assertTrue(completed > 0);
    long sum = 0;
    for (int i = 0; i < 4; i++) {
      AccountStatus s = accounts.get(names.get(i)).status();
      assertEquals(Map.of(), s.reservations(), names.get(i));
      assertEquals(expected[i], s.balance(), names.get(i));
      assertTrue(s.balance() >= 0);
      sum += s.balance();
    }
    assertEquals(350, sum);
  }

  private void assertBalances(long a, long b) {
    AccountStatus sa = alice.status();
    AccountStatus sb = bob.status();
    assertEquals(a, sa.balance(), "alice");
    assertEquals(b, sb.balance(), "bob");
    assertEquals(0, sa.held(), "alice's holds");
    assertEquals(0, sb.held(), "bob's holds");
  }
}
