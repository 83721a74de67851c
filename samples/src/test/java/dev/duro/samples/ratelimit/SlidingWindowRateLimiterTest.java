package dev.duro.samples.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DuroTest
class SlidingWindowRateLimiterTest {
  @Test
  void allowsUpToTheLimitThenSaysWhenTheOldestLeaves(DuroTestKit kit) {
    SlidingWindowRateLimiterStub l = kit.namespace(SlidingWindowRateLimiterNamespace::of).get("u");
    assertEquals(new Decision(true, 2, 0), l.check(3, 60_000));
    kit.advance(Duration.ofSeconds(10));
    assertEquals(new Decision(true, 1, 0), l.check(3, 60_000));
    kit.advance(Duration.ofSeconds(10));
    assertEquals(new Decision(true, 0, 0), l.check(3, 60_000));
    assertEquals(new Decision(false, 0, 40_000), l.check(3, 60_000));
    kit.advance(Duration.ofSeconds(39));
    assertEquals(new Decision(false, 0, 1_000), l.check(3, 60_000));
    kit.advance(Duration.ofSeconds(1));
    // The first request left the window; the second and third are still in it.
    assertEquals(new Decision(true, 0, 0), l.check(3, 60_000));
    assertEquals(new Decision(false, 0, 10_000), l.check(3, 60_000));
  }

  @Test
  void slidesInsteadOfResettingAtABoundary(DuroTestKit kit) {
    SlidingWindowRateLimiterStub l = kit.namespace(SlidingWindowRateLimiterNamespace::of).get("u");
    kit.advance(Duration.ofSeconds(50));
    l.check(2, 60_000);
    l.check(2, 60_000);
    kit.advance(Duration.ofSeconds(15)); // a fixed minute window would have reset here
    assertEquals(new Decision(false, 0, 45_000), l.check(2, 60_000));
  }

  @Test
  void theAlarmDropsTimestampsOnceTheWindowEmpties(DuroTestKit kit) {
    SlidingWindowRateLimiterStub l = kit.namespace(SlidingWindowRateLimiterNamespace::of).get("u");
    l.check(5, 1_000);
    kit.advance(Duration.ofMillis(500));
    l.check(5, 1_000);
    kit.advance(Duration.ofMillis(600));
    assertEquals(2, l.stored(), "the alarm fired before the newest request left the window");
    assertEquals(1, l.current());
    kit.evictAll();
    kit.advance(Duration.ofMillis(400));
    assertEquals(0, l.stored());
  }

  @Test
  void rejectsBadArgumentsWithoutChangingState(DuroTestKit kit) {
    SlidingWindowRateLimiterStub l = kit.namespace(SlidingWindowRateLimiterNamespace::of).get("u");
    l.check(1, 1_000);
    for (Runnable bad :
        new Runnable[] {
          () -> l.check(0, 1_000),
          () -> l.check(SlidingWindowRateLimiter.MAX_LIMIT + 1, 1_000),
          () -> l.check(1, 0)
        }) {
      RemoteFailureException e = assertThrows(RemoteFailureException.class, bad::run);
      assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    }
    assertEquals(1, l.stored());
  }
}
