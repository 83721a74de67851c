package dev.duro.samples.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DuroTest
class CounterTest {
  @Test
  void incrementsAndReads(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    assertEquals(0, c.get());
    assertEquals(5, c.increment(5));
    assertEquals(7, c.increment(2));
    assertEquals(7, c.get());
  }

  @Test
  void countersAreIndependent(DuroTestKit kit) {
    CounterNamespace counters = kit.namespace(CounterNamespace::of);
    counters.get("a").increment(1);
    counters.get("b").increment(10);
    assertEquals(1, counters.get("a").get());
    assertEquals(10, counters.get("b").get());
    assertEquals(0, counters.get(counters.newUniqueId()).get());
  }

  @Test
  void throwingCallLeavesTheCountAsItWas(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(3);
    RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> c.decrement(5));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals("count would go negative: -2", e.remoteMessage());
    assertEquals(3, c.get());
    assertEquals(1, c.decrement(2));
  }

  @Test
  void expiresWhenTheAlarmFires(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(5);
    c.expireAfter(Duration.ofMinutes(1).toMillis());
    kit.advance(Duration.ofSeconds(59));
    assertEquals(5, c.get());
    kit.advance(Duration.ofSeconds(2));
    assertEquals(0, c.get());
    assertEquals(1, c.expirations());
  }

  @Test
  void laterExpiryReplacesEarlierOne(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(5);
    c.expireAfter(1_000);
    c.expireAfter(10_000);
    kit.advance(Duration.ofSeconds(5));
    assertEquals(5, c.get());
    kit.advance(Duration.ofSeconds(6));
    assertEquals(0, c.get());
    assertEquals(1, c.expirations());
  }

  @Test
  void stateSurvivesEviction(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(9);
    kit.evictAll();
    assertEquals(9, c.get());
    assertTrue(c.id().name().isPresent());
  }
}
