package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlarmRetryPolicyTest {
  @Test
  void defaultsAreThoseOfDurableObjects() {
    AlarmRetryPolicy p = AlarmRetryPolicy.defaults();
    assertEquals(Duration.ofSeconds(2), p.initialDelay());
    assertEquals(6, p.maxRetries());
    assertEquals(Duration.ofSeconds(2), p.delayBeforeRetry(1));
    assertEquals(Duration.ofSeconds(4), p.delayBeforeRetry(2));
    assertEquals(Duration.ofSeconds(64), p.delayBeforeRetry(6));
  }

  @Test
  void validatesAndSaturates() {
    assertThrows(IllegalArgumentException.class, () -> new AlarmRetryPolicy(Duration.ZERO, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new AlarmRetryPolicy(Duration.ofSeconds(1), -1));
    assertThrows(
        IllegalArgumentException.class, () -> AlarmRetryPolicy.defaults().delayBeforeRetry(0));
    assertEquals(0, AlarmRetryPolicy.defaults().withMaxRetries(0).maxRetries());
    assertEquals(
        Duration.ofMillis(10),
        AlarmRetryPolicy.defaults().withInitialDelay(Duration.ofMillis(10)).delayBeforeRetry(1));
    assertTrue(
        AlarmRetryPolicy.defaults().delayBeforeRetry(10_000).compareTo(Duration.ofDays(365)) > 0);
  }

  @Test
  void jitterLengthensTheDelayByUpToItsFraction() {
    AlarmRetryPolicy p = AlarmRetryPolicy.defaults();
    assertEquals(0.25, p.jitter());
    assertEquals(Duration.ofSeconds(4), p.delayBeforeRetry(2, 0));
    assertEquals(Duration.ofMillis(4500), p.delayBeforeRetry(2, 0.5));
    assertEquals(Duration.ofMillis(4999), p.delayBeforeRetry(2, 0.9999));
    assertEquals(Duration.ofSeconds(4), p.withJitter(0).delayBeforeRetry(2, 0.9999));
    assertThrows(IllegalArgumentException.class, () -> p.delayBeforeRetry(2, 1));
    assertThrows(IllegalArgumentException.class, () -> p.withJitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> p.withJitter(Double.NaN));
  }
}
