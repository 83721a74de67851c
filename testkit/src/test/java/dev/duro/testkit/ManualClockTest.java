package dev.duro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private final ManualClock clock = new ManualClock();
  private final Instant t0 = ManualClock.DEFAULT_START;
  private final List<String> log = new ArrayList<>();

  private void at(long seconds, String name) {
    clock.schedule(t0.plusSeconds(seconds), () -> log.add(name + "@" + secondsNow()));
  }

  private long secondsNow() {
    return Duration.between(t0, clock.now()).getSeconds();
  }

  @Test
  void startsAtTheDefaultInstant() {
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), clock.now());
  }

  @Test
  void runsDueTasksInTimeOrderEachAtItsDueTime() {
    at(30, "c");
    at(10, "a");
    at(20, "b");
    at(10, "a2");
    clock.advance(Duration.ofSeconds(25));
    assertEquals(List.of("a@10", "a2@10", "b@20"), log);
    assertEquals(25, secondsNow());
    clock.advanceTo(t0.plusSeconds(30));
    assertEquals(List.of("a@10", "a2@10", "b@20", "c@30"), log);
  }

  @Test
  void runsTasksScheduledByTasksWithinTheSameAdvance() {
    clock.schedule(
        t0.plusSeconds(10),
        () -> {
          log.add("first@" + secondsNow());
          clock.schedule(clock.now().plusSeconds(5), () -> log.add("second@" + secondsNow()));
          clock.schedule(clock.now().plusSeconds(50), () -> log.add("late@" + secondsNow()));
        });
    clock.advance(Duration.ofSeconds(20));
    assertEquals(List.of("first@10", "second@15"), log);
    assertEquals(1, clock.pendingTasks());
  }

  @Test
  void overdueTasksRunAtTheNextAdvanceAndCancelledOnesNever() {
    clock.schedule(t0.minusSeconds(1), () -> log.add("overdue"));
    clock.schedule(t0.plusSeconds(1), () -> log.add("cancelled")).cancel();
    assertEquals(List.of(), log);
    clock.advance(Duration.ZERO);
    assertEquals(List.of("overdue"), log);
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of("overdue"), log);
  }

  @Test
  void aThrowingTaskDoesNotStopTheOthersAndIsRethrown() {
    clock.schedule(
        t0.plusSeconds(1),
        () -> {
          throw new IllegalStateException("task failed");
        });
    at(2, "after");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofSeconds(5)));
    assertEquals("task failed", e.getMessage());
    assertEquals(List.of("after@2"), log);
    assertEquals(5, secondsNow());
  }

  @Test
  void neverMovesBackwards() {
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(t0.minusMillis(1)));
    assertEquals(t0, clock.now());
  }
}
