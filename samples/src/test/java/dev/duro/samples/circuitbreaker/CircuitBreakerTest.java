package dev.duro.samples.circuitbreaker;

import static dev.duro.samples.circuitbreaker.CircuitState.CLOSED;
import static dev.duro.samples.circuitbreaker.CircuitState.HALF_OPEN;
import static dev.duro.samples.circuitbreaker.CircuitState.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class CircuitBreakerTest {
  private CircuitBreakers breakers;
  private CircuitBreakerStub b;

  @BeforeEach
  void setUp(DuroTestKit kit) {
    breakers = new CircuitBreakers(kit.invoker());
    b = breakers.breaker("upstream");
    b.configure(new BreakerSettings(3, 10_000, 1, 2));
  }

  @Test
  void consecutiveFailuresOpenItAndASuccessInBetweenStartsOver() {
    assertEquals(CLOSED, b.recordFailure().state());
    assertEquals(CLOSED, b.recordFailure().state());
    assertEquals(CLOSED, b.recordSuccess().state());
    assertEquals(CLOSED, b.recordFailure().state());
    assertEquals(CLOSED, b.recordFailure().state());
    assertEquals(new Permit(true, CLOSED, 0), b.acquire());
    assertEquals(OPEN, b.recordFailure().state());
    assertEquals(1, b.status().timesOpened());
  }

  @Test
  void openRefusesCallsAndTheAlarmMovesItToHalfOpen(DuroTestKit kit) {
    tripOpen();
    assertEquals(kit.now(), b.status().openedAt());
    assertEquals(new Permit(false, OPEN, 10_000), b.acquire());
    kit.advance(Duration.ofSeconds(4));
    assertEquals(new Permit(false, OPEN, 6_000), b.acquire());
    kit.evictAll(); // the state and the alarm are durable
    kit.advance(Duration.ofSeconds(6));
    assertEquals(HALF_OPEN, b.status().state(), "no call needed: the alarm moved it");
  }

  @Test
  void halfOpenLetsTrialsThroughOneAtATimeAndClosesAfterEnoughSuccesses(DuroTestKit kit) {
    tripOpen();
    kit.advance(Duration.ofSeconds(10));
    assertEquals(new Permit(true, HALF_OPEN, 0), b.acquire());
    assertEquals(new Permit(false, HALF_OPEN, 10_000), b.acquire());
    assertEquals(HALF_OPEN, b.recordSuccess().state());
    assertEquals(true, b.acquire().allowed());
    assertEquals(CLOSED, b.recordSuccess().state());
    assertEquals(new BreakerStatus(CLOSED, 0, 0, 0, b.status().openedAt(), 1), b.status());
  }

  @Test
  void aFailedTrialReopensItForAnotherPeriod(DuroTestKit kit) {
    tripOpen();
    kit.advance(Duration.ofSeconds(10));
    b.acquire();
    assertEquals(OPEN, b.recordFailure().state());
    assertEquals(2, b.status().timesOpened());
    assertEquals(new Permit(false, OPEN, 10_000), b.acquire());
    kit.advance(Duration.ofSeconds(10));
    assertEquals(HALF_OPEN, b.status().state());
  }

  @Test
  void anUnreportedTrialIsGivenUpAfterTheOpenPeriod(DuroTestKit kit) {
    tripOpen();
    kit.advance(Duration.ofSeconds(10));
    assertEquals(true, b.acquire().allowed()); // this caller crashes and never reports
    assertEquals(false, b.acquire().allowed());
    kit.advance(Duration.ofSeconds(10));
    assertEquals(0, b.status().trialsInFlight());
    assertEquals(new Permit(true, HALF_OPEN, 0), b.acquire());
  }

  @Test
  void callerHelperRunsReportsAndRefuses(DuroTestKit kit) {
    AtomicInteger runs = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertThrows(
          IllegalStateException.class,
          () ->
              breakers.call(
                  "upstream",
                  () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("down");
                  }));
    }
    CircuitOpenException refused =
        assertThrows(
            CircuitOpenException.class,
            () -> breakers.call("upstream", () -> runs.incrementAndGet()));
    assertEquals(3, runs.get(), "a refused call must not run");
    assertEquals("upstream", refused.upstream());
    assertEquals(new Permit(false, OPEN, 10_000), refused.permit());
    kit.advance(Duration.ofSeconds(10));
    assertEquals("ok", breakers.call("upstream", () -> "ok"));
    assertEquals("ok", breakers.call("upstream", () -> "ok"));
    assertEquals(CLOSED, b.status().state());
  }

  @Test
  void upstreamsHaveIndependentBreakers() {
    tripOpen();
    assertEquals(CLOSED, breakers.breaker("other").status().state());
    assertEquals(true, breakers.breaker("other").acquire().allowed());
  }

  @Test
  void resetClosesAndCancelsTheAlarm(DuroTestKit kit) {
    tripOpen();
    b.reset();
    kit.advance(Duration.ofSeconds(20));
    assertEquals(CLOSED, b.status().state());
  }

  @Test
  void badSettingsAreRejectedAndTheOldOnesKept() {
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class, () -> b.configure(new BreakerSettings(0, 1, 1, 1)));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertEquals(new BreakerSettings(3, 10_000, 1, 2), b.settings());
    assertEquals(
        BreakerSettings.defaults(), breakers.breaker("fresh").settings(), "default settings");
  }

  private void tripOpen() {
    b.recordFailure();
    b.recordFailure();
    assertEquals(OPEN, b.recordFailure().state());
  }
}
