package dev.duro.samples.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

@DuroTest
class LeaderElectionTest {
  private static final long TTL = 30_000;

  @Test
  void theFirstCandidateLeadsAndOthersAreToldWhenToRetry(DuroTestKit kit) {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("group");
    Instant t0 = kit.now();
    assertEquals(new Acquisition(true, false, "a", 1, 0), g.acquire("a", TTL));
    kit.advance(Duration.ofSeconds(10));
    assertEquals(new Acquisition(false, false, "a", 1, 20_000), g.acquire("b", TTL));
    assertEquals(Optional.of(new Leadership("a", 1, t0, t0.plusMillis(TTL))), g.leader());
  }

  @Test
  void heartbeatsKeepTheLeaseAndTheAlarmExpiresItWhenTheyStop(DuroTestKit kit) {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("group");
    g.acquire("a", TTL);
    for (int i = 0; i < 5; i++) {
      kit.advance(Duration.ofSeconds(20));
      Leadership l = g.heartbeat("a").orElseThrow();
      assertEquals(kit.now().plusMillis(TTL), l.expiresAt());
    }
    assertEquals(0, g.expirations());
    kit.evictAll(); // the lease and its alarm are durable
    kit.advance(Duration.ofSeconds(29));
    assertEquals("a", g.leader().orElseThrow().leaderId());
    kit.advance(Duration.ofSeconds(1));
    assertEquals(1, g.expirations(), "the alarm did not clear the expired lease");
    assertEquals(Optional.empty(), g.leader());
    assertEquals(Optional.empty(), g.heartbeat("a"), "an expired leader's heartbeat was accepted");
  }

  @Test
  void afterExpiryAnotherCandidateTakesOverWithAHigherTerm(DuroTestKit kit) {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("group");
    g.acquire("a", TTL);
    kit.advance(Duration.ofMillis(TTL));
    Acquisition b = g.acquire("b", TTL);
    assertEquals(new Acquisition(true, false, "b", 2, 0), b);
    assertEquals(new Acquisition(false, false, "b", 2, TTL), g.acquire("a", TTL));
  }

  @Test
  void renewingKeepsTheTermAndReleaseLetsOthersIn(DuroTestKit kit) {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("group");
    g.acquire("a", TTL);
    kit.advance(Duration.ofSeconds(25));
    assertEquals(new Acquisition(true, true, "a", 1, 0), g.acquire("a", TTL));
    kit.advance(Duration.ofSeconds(25));
    assertEquals("a", g.leader().orElseThrow().leaderId(), "renewal did not extend the lease");
    assertFalse(g.release("b"));
    assertTrue(g.release("a"));
    assertEquals(new Acquisition(true, false, "b", 2, 0), g.acquire("b", TTL));
    kit.advance(Duration.ofHours(1));
    assertEquals(1, g.expirations(), "only b's lease expired; the released one had no alarm");
  }

  @Test
  void manyCandidatesRacingFromThreadsElectExactlyOne(DuroTestKit kit) throws Exception {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("race");
    ConcurrentLinkedQueue<Acquisition> answers = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      String id = "w" + t;
      Thread th = new Thread(() -> answers.add(g.acquire(id, TTL)));
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    String leader = g.leader().orElseThrow().leaderId();
    assertEquals(1, answers.stream().filter(Acquisition::acquired).count());
    assertTrue(answers.stream().allMatch(a -> a.leaderId().equals(leader) && a.term() == 1));
  }

  @Test
  void rejectsBadArguments(DuroTestKit kit) {
    LeaderElectionStub g = kit.namespace(LeaderElectionNamespace::of).get("group");
    RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> g.acquire("", 1));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertThrows(RemoteFailureException.class, () -> g.acquire("a", 0));
    assertEquals(Optional.empty(), g.leader());
  }
}
