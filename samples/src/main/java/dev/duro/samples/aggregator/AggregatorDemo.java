package dev.duro.samples.aggregator;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The aggregator demo: many increments, flushed together by the alarm. */
public final class AggregatorDemo {
  private AggregatorDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about a quarter of a second, waiting for the flush.
   *
   * @throws IllegalStateException if the counter does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    AggregatorCounterNamespace counters = AggregatorCounterNamespace.of(invoker);
    AggregatorCounterStub counter = counters.get(counters.newUniqueId());
    counter.setFlushInterval(300);
    List<CompletableFuture<Long>> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sent.add(counter.async().increment(i % 3 == 0 ? "page:/home" : "page:/docs", 1));
    }
    sent.forEach(CompletableFuture::join);
    out.printf(
        "100 increments to %s: counts %s, durable so far %s%n",
        counter.id(), counter.counts(), counter.flushedCounts());
    Map<String, Long> expected = Map.of("page:/home", 34L, "page:/docs", 66L);
    // On a slow machine a flush may already have run; the end state is the same.
    await(
        "the flush alarm", Duration.ofSeconds(10), () -> counter.flushedCounts().equals(expected));
    out.printf(
        "alarm flushed them in %d write(s): %s%n", counter.flushes(), counter.flushedCounts());
    check(counter.counts().equals(expected), "wrong counts " + counter.counts());
  }
}
