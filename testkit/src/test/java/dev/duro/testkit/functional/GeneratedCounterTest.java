package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DESIGN.md's test, end to end: real processor output, ServiceLoader discovery, @DuroTest. */
@DuroTest
class GeneratedCounterTest {
  @Test
  void expires(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(5);
    kit.advance(Duration.ofMinutes(2));
    assertEquals(0, c.get());
  }

  @Test
  void doesNotExpireEarly(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(5);
    kit.advance(Duration.ofSeconds(59));
    assertEquals(5, c.get());
  }

  @Test
  void throwingCallRollsBack(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(2);
    RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> c.failAfter(3));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertEquals("no 3", e.remoteMessage());
    assertEquals(2, c.get());
  }

  @Test
  void survivesEviction(DuroTestKit kit) {
    CounterStub c = kit.namespace(CounterNamespace::of).get("a");
    c.increment(3);
    kit.evictAll();
    assertEquals(3, c.get());
    assertEquals(4L, c.async().increment(1).join());
  }
}
