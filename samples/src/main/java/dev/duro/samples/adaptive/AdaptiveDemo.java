package dev.duro.samples.adaptive;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The adaptive controller demo: a healthy worker, an outage that breaks the circuit, and the
 * recovery, with the seed's rules on a clock sped up from minutes to milliseconds.
 */
public final class AdaptiveDemo {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private AdaptiveDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about a second of alarms.
   *
   * @throws IllegalStateException if the controller does not adapt as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    String pipeline = "pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    AdaptiveControllerStub controller = AdaptiveControllerNamespace.of(invoker).get(pipeline);
    BatchWorkerStub worker = BatchWorkerNamespace.of(invoker).get(pipeline);
    worker.submit(IntStream.rangeClosed(1, 2_000).mapToObj(i -> "record-" + i).toList());
    // The seed's rules and batch sizes; minutes become milliseconds, and a shorter window.
    controller.configure(ControllerSettings.defaults().withInterval(20, 100).withWindowSize(20));
    controller.start();
    out.println(pipeline + ": 2000 items, a batch every 20 ms, backing off to 100 ms");

    await("growth to 50", PATIENCE, () -> controller.status().batchSize() == 50);
    ControllerStatus s = controller.status();
    out.printf(
        "  healthy: batch size grew 10 -> 50 in %d batches, %d items processed%n",
        s.batches(), s.totalProcessed());

    worker.simulate(100, 0);
    out.println("  the downstream fails every item");
    await(
        "the circuit break",
        PATIENCE,
        () -> controller.status().state() == ControllerState.BACKOFF);
    s = controller.status();
    check(s.circuitBreaks() == 1 && s.batchSize() == 5, "not a circuit break: " + s);
    out.printf(
        "  circuit broke after %d failed batches: %s, batch size %d, interval %d ms%n",
        s.settings().circuitBreakAfter(), s.state(), s.batchSize(), s.intervalMillis());

    worker.simulate(0, 5);
    out.println("  the downstream is healthy again");
    await("the recovery", PATIENCE, () -> controller.status().recoveries() == 1);
    s = controller.status();
    out.printf(
        "  recovered from the circuit break: %s, success rate %.0f%%, interval %d ms%n",
        s.state(), s.successRate() * 100, s.intervalMillis());

    s = controller.pause(); // the heartbeat would outlive the demo on its data directory
    WorkerStats w = worker.stats();
    check(
        w.completed() == s.totalProcessed() && w.failedAttempts() == s.totalErrors(),
        "the controller's counts " + s + " disagree with the worker's " + w);
    out.printf(
        "  paused: %d items done, %d failed attempts, %d pending; counts agree%n",
        w.completed(), w.failedAttempts(), w.pending());
  }
}
