package dev.duro.samples.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule of the controller, against a scripted worker on the manual clock. */
@DuroTest
class AdaptiveControllerTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  DuroTestKit kit;
  private ScriptedWorker worker;
  private AdaptiveControllerStub controller;

  /** A worker that answers each batch as the test says and remembers what it was asked. */
  static final class ScriptedWorker extends BatchWorker {
    final List<Long> batchIds = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> limits = Collections.synchronizedList(new ArrayList<>());
    volatile IntFunction<List<ItemResult>> answer = limit -> results(limit, 0, 10);
    volatile boolean down;

    ScriptedWorker() {
      super(null);
    }

    @Override
    public List<ItemResult> processBatch(long batchId, int limit) {
      batchIds.add(batchId);
      limits.add(limit);
      if (down) {
        throw new IllegalStateException("downstream down");
      }
      return answer.apply(limit);
    }
  }

  /** {@code ok} successes then {@code failed} failures, each taking {@code latencyMillis}. */
  static List<ItemResult> results(int ok, int failed, long latencyMillis) {
    List<ItemResult> r = new ArrayList<>();
    for (int i = 0; i < ok + failed; i++) {
      r.add(new ItemResult(i < ok, latencyMillis));
    }
    return r;
  }

  @BeforeEach
  void setUp() {
    worker = new ScriptedWorker();
    kit.fake(BatchWorkerNamespace::of, worker);
    controller = kit.namespace(AdaptiveControllerNamespace::of).get("enrichment");
  }

  /** Advances the clock to the next batch and returns the status after it. */
  private ControllerStatus nextBatch() {
    Instant due = controller.status().nextRunAt().orElseThrow();
    kit.advanceTo(due);
    return controller.status();
  }

  @Test
  void startsStoppedAndRunsTheFirstBatchOneIntervalAfterStart() {
    ControllerStatus s = controller.status();
    assertEquals(ControllerState.STOPPED, s.state());
    assertEquals(10, s.batchSize());
    assertEquals(60_000, s.intervalMillis());
    assertEquals(ControllerSettings.defaults(), s.settings());
    assertEquals(Optional.empty(), s.nextRunAt());
    assertEquals(Adaptation.NONE, s.lastAdaptation());

    Instant started = kit.now();
    s = controller.start();
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(Optional.of(started.plus(MINUTE)), s.nextRunAt());
    kit.advance(MINUTE.minusMillis(1));
    assertEquals(List.of(), worker.limits, "not before one interval");
    assertEquals(s, controller.start(), "starting a running controller changes nothing");
    kit.advance(Duration.ofMillis(1));
    assertEquals(List.of(10), worker.limits);
    assertEquals(List.of(1L), worker.batchIds);
    s = controller.status();
    assertEquals(Optional.of(started.plus(MINUTE.multipliedBy(2))), s.nextRunAt());
    assertEquals(Optional.of(started.plus(MINUTE)), s.lastRunAt());
    assertEquals(1, s.batches());
  }

  @Test
  void aHealthyWorkerGrowsTheBatchByHalfUpToFifty() {
    controller.start();
    for (int i = 0; i < 6; i++) {
      ControllerStatus s = nextBatch();
      assertEquals(Adaptation.GROW, s.lastAdaptation());
      assertEquals(60_000, s.intervalMillis(), "the interval stays");
    }
    assertEquals(List.of(10, 15, 23, 35, 50, 50), worker.limits);
    ControllerStatus s = controller.status();
    assertEquals(183, s.totalProcessed());
    assertEquals(0, s.totalErrors());
    assertEquals(100, s.windowResults(), "the window keeps the last 100 results");
    assertEquals(1.0, s.successRate());
    assertEquals(10.0, s.avgLatencyMillis());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), worker.batchIds);
  }

  @Test
  void eightyToNinetyFivePercentHoldsTheBatch() {
    controller.configure(ControllerSettings.defaults().withBatchSize(20, 5, 50));
    controller.start();
    worker.answer = limit -> results(limit - 1, 1, 10); // 19 of 20: exactly 95%, not above
    for (int i = 0; i < 3; i++) {
      assertEquals(Adaptation.HOLD, nextBatch().lastAdaptation());
    }
    assertEquals(List.of(20, 20, 20), worker.limits);
    assertEquals(0.95, controller.status().successRate(), 1e-9);
    worker.answer = limit -> results(limit, 0, 10); // 59 of 60 is above 95%
    assertEquals(Adaptation.GROW, nextBatch().lastAdaptation());
    assertEquals(30, controller.status().batchSize());
  }

  @Test
  void fiftyToEightyPercentHalvesTheBatchDownToFive() {
    controller.configure(ControllerSettings.defaults().withBatchSize(40, 5, 50));
    controller.start();
    worker.answer = limit -> results(limit * 7 / 10, limit - limit * 7 / 10, 10);
    for (int i = 0; i < 5; i++) {
      ControllerStatus s = nextBatch();
      assertEquals(Adaptation.SHRINK, s.lastAdaptation());
      assertEquals(60_000, s.intervalMillis(), "shrinking does not back off");
      assertEquals(ControllerState.RUNNING, s.state());
    }
    assertEquals(List.of(40, 20, 10, 5, 5), worker.limits);
    ControllerStatus s = controller.status();
    assertEquals(28 + 14 + 7 + 3 + 3, s.totalProcessed());
    assertEquals(12 + 6 + 3 + 2 + 2, s.totalErrors());
  }

  @Test
  void belowFiftyPercentDropsToTheMinimumAndBacksOffUntilAHealthyBatch() {
    controller.start();
    worker.answer = limit -> results(limit * 4 / 10, limit - limit * 4 / 10, 10);
    List<Long> intervals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ControllerStatus s = nextBatch();
      assertEquals(Adaptation.CRITICAL, s.lastAdaptation());
      assertEquals(5, s.batchSize());
      assertEquals(0, s.consecutiveFailures(), "some items succeed: no failed batch");
      assertEquals(ControllerState.RUNNING, s.state());
      intervals.add(s.intervalMillis());
    }
    assertEquals(List.of(90_000L, 135_000L, 202_500L, 300_000L, 300_000L), intervals);

    // 12 of the 30 results in the window succeeded; healthy batches of 5 raise the rate.
    worker.answer = limit -> results(limit, 0, 10);
    for (int k = 1; k <= 11; k++) {
      ControllerStatus s = nextBatch();
      assertEquals(300_000, s.intervalMillis(), "still backed off after healthy batch " + k);
      assertTrue(s.successRate() < 0.8, "rate " + s.successRate());
    }
    ControllerStatus s = nextBatch(); // 72 of 90: 80%
    assertEquals(0.8, s.successRate(), 1e-9);
    assertEquals(Adaptation.HOLD, s.lastAdaptation());
    assertEquals(60_000, s.intervalMillis(), "a healthy batch restores the interval");
  }

  @Test
  void fiveBatchesWithEveryItemFailedBreakTheCircuit() {
    controller.start();
    worker.answer = limit -> results(0, limit, 10);
    for (int i = 1; i <= 4; i++) {
      ControllerStatus s = nextBatch();
      assertEquals(Adaptation.CRITICAL, s.lastAdaptation());
      assertEquals(i, s.consecutiveFailures());
      assertEquals(ControllerState.RUNNING, s.state());
    }
    ControllerStatus s = nextBatch();
    assertEquals(Adaptation.CIRCUIT_BREAK, s.lastAdaptation());
    assertEquals(ControllerState.BACKOFF, s.state());
    assertEquals(5, s.batchSize());
    assertEquals(300_000, s.intervalMillis(), "doubled, capped at five minutes");
    assertEquals(1, s.circuitBreaks());
    assertEquals(0, s.totalProcessed());
    assertEquals(10 + 4 * 5, s.totalErrors());

    // Backoff keeps probing, at the backed-off pace, with the minimum batch.
    Instant before = kit.now();
    s = nextBatch();
    assertEquals(before.plus(Duration.ofMinutes(5)), s.lastRunAt().orElseThrow());
    assertEquals(Adaptation.CIRCUIT_BREAK, s.lastAdaptation());
    assertEquals(1, s.circuitBreaks(), "still the same break");
    assertEquals(List.of(10, 5, 5, 5, 5, 5), worker.limits);
  }

  @Test
  void failedCallsHoldThenBreakTheCircuitAndDoubleTheIntervalToTheCap() {
    controller.start();
    worker.down = true;
    for (int i = 1; i <= 4; i++) {
      ControllerStatus s = nextBatch();
      assertEquals(Adaptation.HOLD, s.lastAdaptation(), "a failed call does not grow the batch");
      assertEquals(10, s.batchSize());
      assertEquals(i, s.failedCalls());
      assertEquals(60_000, s.intervalMillis());
    }
    ControllerStatus s = nextBatch();
    assertEquals(Adaptation.CIRCUIT_BREAK, s.lastAdaptation());
    assertEquals(ControllerState.BACKOFF, s.state());
    assertEquals(120_000, s.intervalMillis());
    assertEquals(5, s.batchSize());
    assertTrue(s.lastError().orElseThrow().contains("downstream down"), s.lastError().toString());
    assertEquals(240_000, nextBatch().intervalMillis());
    assertEquals(300_000, nextBatch().intervalMillis());
    assertEquals(300_000, nextBatch().intervalMillis());
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), worker.batchIds, "no batch id is used up");
    assertEquals(0, controller.status().batches());

    // The worker is back: the window holds no failure, so the first batch recovers.
    worker.down = false;
    s = nextBatch();
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(1, s.recoveries());
    assertEquals(Adaptation.GROW, s.lastAdaptation());
    assertEquals(8, s.batchSize());
    assertEquals(60_000, s.intervalMillis());
    assertEquals(1, s.batches());
    assertEquals(8, s.failedCalls());
  }

  @Test
  void backoffEndsOnlyOnceTheWindowIsAboveEightyPercent() {
    controller.start();
    worker.answer = limit -> results(0, limit, 10);
    for (int i = 0; i < 5; i++) {
      nextBatch();
    }
    assertEquals(ControllerState.BACKOFF, controller.status().state());
    // The window holds 30 failures. Healthy batches of 5 fill it to its 100 results (k = 14), then
    // push the failures out: at k = 16, 80 of 100 succeed, which is not above 80%; at 17, 85.
    worker.answer = limit -> results(limit, 0, 10);
    for (int k = 1; k <= 16; k++) {
      ControllerStatus s = nextBatch();
      assertEquals(ControllerState.BACKOFF, s.state(), "after healthy batch " + k);
      assertEquals(5, s.batchSize());
      assertEquals(0, s.consecutiveFailures());
      if (k == 16) {
        assertEquals(0.8, s.successRate(), 1e-9);
      }
    }
    ControllerStatus s = nextBatch();
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(0.85, s.successRate(), 1e-9);
    assertEquals(1, s.recoveries());
    assertEquals(Adaptation.HOLD, s.lastAdaptation());
    assertEquals(60_000, s.intervalMillis());
    Instant recoveredAt = kit.now();
    assertEquals(Optional.of(recoveredAt.plus(MINUTE)), s.nextRunAt());
  }

  @Test
  void aSlowWorkerShrinksTheBatchWhenALatencyTargetIsSet() {
    controller.configure(ControllerSettings.defaults().withSlowLatency(500));
    controller.start();
    worker.answer = limit -> results(limit, 0, 800);
    ControllerStatus s = nextBatch();
    assertEquals(Adaptation.SHRINK, s.lastAdaptation());
    assertEquals(5, s.batchSize());
    worker.answer = limit -> results(limit, 0, 100);
    assertEquals(Adaptation.SHRINK, nextBatch().lastAdaptation(), "average 566 ms: still slow");
    s = nextBatch(); // average 450 ms
    assertEquals(450.0, s.avgLatencyMillis());
    assertEquals(Adaptation.GROW, s.lastAdaptation());
    assertEquals(8, s.batchSize());

    // Without a target (the seed), latency does not matter.
    AdaptiveControllerStub other = kit.namespace(AdaptiveControllerNamespace::of).get("other");
    other.start();
    worker.answer = limit -> results(limit, 0, 800);
    kit.advanceTo(other.status().nextRunAt().orElseThrow());
    assertEquals(Adaptation.GROW, other.status().lastAdaptation());
  }

  @Test
  void pauseStopsTheHeartbeatAndStartOrResumeContinue() {
    controller.start();
    nextBatch();
    nextBatch();
    ControllerStatus s = controller.pause();
    assertEquals(ControllerState.PAUSED, s.state());
    assertEquals(Optional.empty(), s.nextRunAt());
    kit.advance(Duration.ofHours(1));
    assertEquals(2, worker.limits.size(), "no batch while paused");

    Instant restarted = kit.now();
    s = controller.start();
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(23, s.batchSize(), "what was learned is kept");
    assertEquals(Optional.of(restarted.plus(MINUTE)), s.nextRunAt());

    controller.pause();
    s = controller.resume();
    assertEquals(Optional.of(kit.now()), s.nextRunAt(), "resume runs a batch at once");
    kit.advance(Duration.ZERO);
    assertEquals(List.of(10, 15, 23), worker.limits);
    assertEquals(Optional.of(kit.now().plus(MINUTE)), controller.status().nextRunAt());
  }

  @Test
  void resumeEndsABackoffAndForgetsTheOutage() {
    controller.start();
    worker.answer = limit -> results(0, limit, 10);
    for (int i = 0; i < 5; i++) {
      nextBatch();
    }
    assertEquals(ControllerState.BACKOFF, controller.status().state());
    ControllerStatus s = controller.resume();
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(0, s.consecutiveFailures());
    assertEquals(0, s.windowResults());
    assertEquals(60_000, s.intervalMillis());
    assertEquals(1, s.circuitBreaks());
    assertEquals(0, s.recoveries(), "a resume is not a recovery");
    worker.answer = limit -> results(limit, 0, 10);
    kit.advance(Duration.ZERO);
    assertEquals(Adaptation.GROW, controller.status().lastAdaptation());
  }

  @Test
  void resumingAStoppedControllerIsRefused() {
    RemoteFailureException e = assertThrows(RemoteFailureException.class, controller::resume);
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals(ControllerState.STOPPED, controller.pause().state(), "nothing to pause");
  }

  @Test
  void everythingSurvivesARestart() {
    controller.start();
    nextBatch();
    nextBatch();
    worker.down = true;
    nextBatch();
    ControllerStatus before = controller.status();
    kit.restart();
    assertEquals(before, controller.status());
    worker.down = false;
    ControllerStatus after = nextBatch();
    assertEquals(List.of(10, 15, 23, 23), worker.limits);
    assertEquals(List.of(1L, 2L, 3L, 3L), worker.batchIds);
    assertEquals(3, after.batches());
    assertEquals(10 + 15 + 23, after.totalProcessed());
    assertEquals(Adaptation.GROW, after.lastAdaptation());
  }

  @Test
  void aTickWhoseTurnFailsIsRetriedByTheAlarmWithTheSameBatchId() {
    controller.start();
    Instant due = kit.now().plus(MINUTE);
    kit.failNextCommit(); // the scripted worker writes nothing: this is the controller's commit
    kit.advanceTo(due);
    assertEquals(List.of(1L), worker.batchIds, "the tick ran");
    ControllerStatus s = controller.status();
    assertEquals(0, s.batches(), "and was rolled back");
    assertEquals(Adaptation.NONE, s.lastAdaptation());
    assertEquals(Optional.of(due), kit.pendingAlarm(controller), "the alarm is still due");

    kit.advance(Duration.ofSeconds(2)); // the runtime's first retry
    assertEquals(List.of(1L, 1L), worker.batchIds, "the retry asks for the same batch");
    s = controller.status();
    assertEquals(1, s.batches());
    assertEquals(10, s.totalProcessed());
    assertEquals(Optional.of(due.plusSeconds(2).plus(MINUTE)), s.nextRunAt());
  }

  @Test
  void configureValidatesAndBringsTheStateWithinTheNewBounds() {
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () -> controller.configure(ControllerSettings.defaults().withBatchSize(3, 5, 50)));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertTrue(e.getMessage().contains("initialBatchSize"), e.getMessage());
    assertThrows(
        RemoteFailureException.class,
        () -> controller.configure(ControllerSettings.defaults().withInterval(60_000, 1_000)));

    controller.start();
    for (int i = 0; i < 4; i++) {
      nextBatch();
    }
    assertEquals(50, controller.status().batchSize());
    ControllerStatus s =
        controller.configure(
            ControllerSettings.defaults().withBatchSize(10, 5, 20).withWindowSize(30));
    assertEquals(20, s.batchSize());
    assertEquals(30, s.windowResults());
    nextBatch();
    assertEquals(20, worker.limits.get(worker.limits.size() - 1));
  }

  @Test
  void resetForgetsEverythingButTheSettingsAndTheBatchIds() {
    controller.configure(ControllerSettings.defaults().withInterval(1_000, 10_000));
    controller.start();
    nextBatch();
    nextBatch();
    ControllerStatus s = controller.reset();
    assertEquals(ControllerState.STOPPED, s.state());
    assertEquals(Optional.empty(), s.nextRunAt());
    assertEquals(0, s.totalProcessed());
    assertEquals(0, s.windowResults());
    assertEquals(1_000, s.settings().intervalMillis());
    kit.advance(MINUTE);
    assertEquals(2, worker.limits.size());
    controller.start();
    nextBatch();
    assertEquals(List.of(10, 15, 10), worker.limits);
    assertEquals(List.of(1L, 2L, 3L), worker.batchIds);
  }
}
