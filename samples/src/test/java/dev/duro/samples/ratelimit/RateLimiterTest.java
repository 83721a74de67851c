package dev.duro.samples.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@DuroTest
class RateLimiterTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void countsWithinTheWindowAndReportsTheReset(DuroTestKit kit) {
    RateLimitStore store = new DurableRateLimitStore(kit.invoker());
    Instant start = kit.now();
    WindowCount first = store.increment("k", MINUTE);
    assertEquals(new WindowCount(1, start.plus(MINUTE), 60_000), first);
    kit.advance(Duration.ofSeconds(20));
    assertEquals(new WindowCount(2, start.plus(MINUTE), 40_000), store.increment("k", MINUTE));
    assertEquals(new WindowCount(3, start.plus(MINUTE), 40_000), store.increment("k", MINUTE));
  }

  @Test
  void anExpiredWindowStartsAgainAtOne(DuroTestKit kit) {
    RateLimitStore store = new DurableRateLimitStore(kit.invoker());
    store.increment("k", MINUTE);
    store.increment("k", MINUTE);
    kit.advance(MINUTE);
    Instant now = kit.now();
    assertEquals(new WindowCount(1, now.plus(MINUTE), 60_000), store.increment("k", MINUTE));
  }

  @Test
  void theAlarmCleansUpTheWindowWhenItEnds(DuroTestKit kit) {
    DurableRateLimitStore store = new DurableRateLimitStore(kit.invoker());
    store.increment("k", MINUTE);
    RateLimiterStub limiter = store.limiter("k");
    kit.advance(Duration.ofSeconds(59));
    assertTrue(limiter.hasWindow());
    assertEquals(1, limiter.peek().count());
    kit.advance(Duration.ofSeconds(1));
    assertFalse(limiter.hasWindow(), "the alarm did not clean up the expired window");
    assertEquals(new WindowCount(0, kit.now(), 0), limiter.peek());
  }

  @Test
  void aLaterWindowReplacesTheAlarmOfTheEarlierOne(DuroTestKit kit) {
    DurableRateLimitStore store = new DurableRateLimitStore(kit.invoker());
    RateLimiterStub limiter = store.limiter("k");
    store.increment("k", MINUTE);
    kit.evictAll(); // the window is durable, not only in memory
    assertEquals(1, limiter.peek().count());
    kit.advance(MINUTE);
    store.increment("k", Duration.ofMinutes(2));
    kit.advance(MINUTE);
    assertTrue(limiter.hasWindow());
    assertEquals(1, limiter.peek().count());
    kit.advance(MINUTE);
    assertFalse(limiter.hasWindow());
  }

  @Test
  void keysAreIndependent(DuroTestKit kit) {
    RateLimitStore store = new DurableRateLimitStore(kit.invoker());
    store.increment("a", MINUTE);
    store.increment("a", MINUTE);
    assertEquals(1, store.increment("b", MINUTE).count());
    assertEquals(3, store.increment("a", MINUTE).count());
  }

  @Test
  void checkAllowsMaxPerWindowAndSaysWhenToRetry(DuroTestKit kit) {
    RateLimitStore store = new DurableRateLimitStore(kit.invoker());
    assertEquals(new Decision(true, 1, 0), store.check("k", 2, MINUTE));
    kit.advance(Duration.ofSeconds(15));
    assertEquals(new Decision(true, 0, 0), store.check("k", 2, MINUTE));
    assertEquals(new Decision(false, 0, 45_000), store.check("k", 2, MINUTE));
    kit.advance(Duration.ofSeconds(45));
    assertEquals(new Decision(true, 1, 0), store.check("k", 2, MINUTE));
  }

  @Test
  void resetLiftsTheLimit(DuroTestKit kit) {
    DurableRateLimitStore store = new DurableRateLimitStore(kit.invoker());
    store.check("k", 1, MINUTE);
    assertFalse(store.check("k", 1, MINUTE).allowed());
    store.limiter("k").reset();
    assertTrue(store.check("k", 1, MINUTE).allowed());
  }

  @Test
  void rejectsANonPositiveWindow(DuroTestKit kit) {
    DurableRateLimitStore store = new DurableRateLimitStore(kit.invoker());
    assertThrows(IllegalArgumentException.class, () -> store.increment("k", Duration.ZERO));
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> store.limiter("k").increment(-1));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertFalse(store.limiter("k").hasWindow());
  }
}
