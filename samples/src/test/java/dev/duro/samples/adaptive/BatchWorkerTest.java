package dev.duro.samples.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sample worker on its own, and the controller driving it end to end. */
@DuroTest
class BatchWorkerTest {
  DuroTestKit kit;

  private static List<String> items(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "item-" + i).toList();
  }

  @Test
  void failsExactlyTheSimulatedShareAndKeepsFailedItemsPending() {
    BatchWorkerStub worker = kit.namespace(BatchWorkerNamespace::of).get("w");
    assertEquals(10, worker.submit(items(10)));
    worker.simulate(20, 7);
    List<ItemResult> first = worker.processBatch(1, 10);
    List<ItemResult> expected = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      expected.add(new ItemResult(i % 5 != 0, 7)); // every fifth attempt fails
    }
    assertEquals(expected, first);
    assertEquals(new WorkerStats(2, 8, 2, 1), worker.stats());
    assertEquals(
        List.of("p:0000000000000000005", "p:0000000000000000010"),
        List.copyOf(kit.storage(worker).entries().keySet()),
        "the failed items wait, in order");

    assertEquals(first, worker.processBatch(1, 10), "the same batch again: replayed");
    assertEquals(new WorkerStats(2, 8, 2, 1), worker.stats(), "nothing processed twice");

    worker.simulate(0, 3);
    assertEquals(
        List.of(new ItemResult(true, 3), new ItemResult(true, 3)), worker.processBatch(2, 10));
    assertEquals(List.of(), worker.processBatch(3, 10));
    assertEquals(new WorkerStats(0, 10, 2, 3), worker.stats());

    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> worker.simulate(101, 0));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertThrows(RemoteFailureException.class, () -> worker.processBatch(4, 0));
  }

  @Test
  void theControllerDrainsARealWorkerThroughAnOutageCountingEveryItemOnce() {
    AdaptiveControllerStub controller =
        kit.namespace(AdaptiveControllerNamespace::of).get("pipeline");
    BatchWorkerStub worker = kit.namespace(BatchWorkerNamespace::of).get("pipeline");
    controller.configure(
        ControllerSettings.defaults().withInterval(1_000, 8_000).withWindowSize(20));
    worker.submit(items(500));
    controller.start();

    // Healthy: the batch grows to its cap.
    while (controller.status().batchSize() < 50) {
      tick(controller);
    }
    // An outage: every attempt fails until the circuit breaks.
    worker.simulate(100, 0);
    int ticks = 0;
    while (controller.status().state() != ControllerState.BACKOFF) {
      tick(controller);
      assertTrue(++ticks <= 5, "the circuit breaks on the fifth failed batch");
    }
    assertEquals(5, ticks);
    // Degraded but up: every tenth attempt fails; the controller recovers and drains the backlog.
    worker.simulate(10, 0);
    while (worker.stats().pending() > 0) {
      tick(controller);
    }
    tick(controller);
    ControllerStatus s = controller.status();
    WorkerStats w = worker.stats();
    assertEquals(Adaptation.IDLE, s.lastAdaptation());
    assertEquals(ControllerState.RUNNING, s.state());
    assertEquals(1, s.circuitBreaks());
    assertEquals(1, s.recoveries());
    assertEquals(500, w.completed());
    assertEquals(w.completed(), s.totalProcessed());
    assertEquals(w.failedAttempts(), s.totalErrors());
    assertEquals(w.lastBatchId(), s.batches());

    kit.restart();
    assertEquals(s, controller.status());
  }

  private void tick(AdaptiveControllerStub controller) {
    Instant due = controller.status().nextRunAt().orElseThrow();
    kit.advanceTo(due);
  }
}
