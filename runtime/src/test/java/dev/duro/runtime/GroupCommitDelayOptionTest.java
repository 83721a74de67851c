package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's group-commit delay option (its effect is tested on the committer itself). */
class GroupCommitDelayOptionTest {
  @Test
  void aNegativeDelayIsRefusedNamingTheOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ObjectRuntime.builder().groupCommitDelay(Duration.ofNanos(-1)));
    assertTrue(e.getMessage().startsWith("groupCommitDelay must not be negative"), e.getMessage());
    assertEquals("groupCommitDelay must not be negative, got PT-0.000000001S", e.getMessage());
  }
}
