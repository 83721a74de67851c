package dev.duro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.runtime.AlarmRetryPolicy;
import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuroTestKitTest {
  private final DuroTestKit kit = DuroTestKit.create(new TestCounter_Binding());
  private final TestCounterNamespace counters = kit.namespace(TestCounterNamespace::of);

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void advanceFiresDueAlarmsAndNotFutureOnes() {
    TestCounterStub soon = counters.get("soon");
    TestCounterStub later = counters.get("later");
    Instant t0 = kit.now();
    soon.setAlarm(t0.plus(Duration.ofMinutes(1)).toEpochMilli());
    later.setAlarm(t0.plus(Duration.ofMinutes(10)).toEpochMilli());

    kit.advance(Duration.ofMinutes(2));
    assertEquals(1, soon.alarmsFired());
    assertEquals(
        "0@" + t0.plus(Duration.ofMinutes(1)).toEpochMilli() + " get=empty;", soon.alarmAttempts());
    assertEquals(0, later.alarmsFired());
    assertEquals(t0.plus(Duration.ofMinutes(10)).toEpochMilli(), later.alarm());

    kit.advanceTo(t0.plus(Duration.ofMinutes(10)));
    assertEquals(1, later.alarmsFired());
  }

  @Test
  void aThrowingCallRollsBack() {
    TestCounterStub c = counters.get("a");
    c.increment(2);
    c.put("k", "v");
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> c.incrementThenFail(5));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals("boom after 7", e.remoteMessage());
    assertEquals(2, c.get());
    assertNull(c.read("dirty"));
    assertEquals(-1, c.alarm());
  }

  @Test
  void callsHaveCompletedWhenTheyReturn() {
    TestCounterStub c = counters.get("a");
    CompletableFuture<Long> f = c.async().increment(3);
    assertTrue(f.isDone(), "turn and commit ran on the calling thread");
    assertEquals(3L, f.join());
  }

  @Test
  void alarmRetriesFollowTheBackoffDeterministically() {
    try (DuroTestKit fast =
        DuroTestKit.builder()
            .bindings(new TestCounter_Binding())
            .alarmRetry(
                AlarmRetryPolicy.defaults().withInitialDelay(Duration.ofSeconds(10)).withJitter(0))
            .build()) {
      TestCounterStub c = fast.namespace(TestCounterNamespace::of).get("a");
      long t = fast.now().plusSeconds(1).toEpochMilli();
      c.failAlarms(2);
      c.setAlarm(t);
      fast.advance(Duration.ofSeconds(1));
      fast.advance(Duration.ofSeconds(10));
      assertEquals(0, c.alarmsFired());
      fast.advance(Duration.ofSeconds(20));
      assertEquals(1, c.alarmsFired());
      String get = " get=empty;";
      assertEquals(
          "0@" + t + get + "1@" + (t + 10_000) + get + "2@" + (t + 30_000) + get,
          c.alarmAttempts());
    }
  }

  @Test
  void evictAllDropsInMemoryStateAndKeepsPersistedState() {
    TestCounterStub c = counters.get("a");
    c.increment(4);
    c.failAlarms(3); // in memory only
    assertEquals(1, kit.activeObjectCount());
    assertEquals(1, kit.evictAll());
    assertEquals(0, kit.activeObjectCount());
    assertEquals(4, c.get());
    assertEquals("constructor count=0;onActivate count=4;", c.activationLog());
  }

  @Test
  void idleObjectsAreEvictedWhenTheClockAdvances() {
    TestCounterStub c = counters.get("a");
    c.increment(1);
    kit.advance(Duration.ofMinutes(10));
    assertEquals(0, kit.activeObjectCount());
    assertEquals(1, c.get());
  }

  @Test
  void objectsSeeTheKitsClock() {
    TestCounterStub c = counters.get("a");
    assertEquals(ManualClock.DEFAULT_START.toEpochMilli(), c.now());
    kit.advance(Duration.ofSeconds(3));
    assertEquals(ManualClock.DEFAULT_START.plusSeconds(3).toEpochMilli(), c.now());
  }

  @Test
  void callsFromManyThreadsAreSerialisedPerObject() throws Exception {
    TestCounterStub c = counters.get("a");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  c.increment(1);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertEquals(800, c.get());
  }

  @Test
  void aClosedKitRejectsCalls() {
    TestCounterStub c = counters.get("a");
    c.increment(1);
    kit.close();
    assertThrows(TransportException.class, c::get);
  }
}
