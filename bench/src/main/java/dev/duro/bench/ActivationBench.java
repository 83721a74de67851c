package dev.duro.bench;

import dev.duro.runtime.ObjectRuntime;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Target 4: the cost of activating a small object. Sequential blocking calls of a read-only method
 * (which commits nothing): first calls on fresh ids (each activates: instance, {@code @Persist}
 * load from storage, turn), interleaved with calls to objects activated {@value #ACTIVE_LAG} first
 * calls earlier. Activation cost is the difference, which cancels the cost of the call itself
 * (thread hops, encoding).
 */
final class ActivationBench {
  /** How many first calls separate an object's activation from the measured call to it. */
  private static final int ACTIVE_LAG = 1_000;

  private ActivationBench() {}

  static String run(Args a) throws Exception {
    int n = a.integer("activations", 20_000);
    int warm = a.integer("warmup-activations", 10_000);
    Path root = a.dataRoot();
    Report report =
        new Report(
            "Activation of a small object (target 4)",
            String.format(
                "%d activations measured after %d warm-up activations; sequential blocking"
                    + " calls of a read-only method, each first call followed by a call to the"
                    + " object activated %d first calls earlier; data in %s",
                n, warm, Math.min(ACTIVE_LAG, n / 2), root));
    try (ObjectRuntime rt =
        ObjectRuntime.builder().dataDirectory(root.resolve("activation")).build()) {
      BenchCounterNamespace ns = BenchCounterNamespace.of(rt.invoker());
      BenchCounterStub[] w = new BenchCounterStub[warm];
      for (int i = 0; i < warm; i++) {
        w[i] = ns.get(ns.idFromName("warm-" + i));
      }
      for (BenchCounterStub s : w) {
        s.get();
      }
      for (BenchCounterStub s : w) {
        s.get();
      }
      BenchCounterStub[] fresh = new BenchCounterStub[n];
      for (int i = 0; i < n; i++) {
        fresh[i] = ns.get(ns.idFromName("fresh-" + i));
      }
      int before = rt.activeObjectCount();
      Histogram first = new Histogram(3);
      Histogram again = new Histogram(3);
      // Interleaved: each first call is followed by a call to the object activated LAG calls
      // earlier, so both kinds run under the same GC, JIT and machine conditions. Two separate
      // passes disagreed from run to run by more than the activation cost (a GC pause or a noisy
      // second landed in one pass: once the first pass, once the second, was the slower).
      int lag = Math.min(ACTIVE_LAG, n / 2);
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        fresh[i].get();
        first.recordValue(System.nanoTime() - t0);
        if (i >= lag) {
          long t1 = System.nanoTime();
          fresh[i - lag].get();
          again.recordValue(System.nanoTime() - t1);
        }
      }
      int activated = rt.activeObjectCount() - before;
      report.line("| call | mean µs | p50 µs | p99 µs | max µs |");
      report.line("|---|---:|---:|---:|---:|");
      report.line(row("first call (activates)", first));
      report.line(row("call to an active object", again));
      report.line("");
      report.line("Objects activated by the measured pass: " + activated + " of " + n + ".");
      report.target(
          "activation (mean first call − mean active call)",
          (first.getMean() - again.getMean()) / 1e3,
          "µs",
          50,
          false);
      report.line(
          "- activation at the median (p50 first − p50 active): "
              + Report.number(
                  (first.getValueAtPercentile(50) - again.getValueAtPercentile(50)) / 1e3)
              + " µs");
    }
    Bench.deleteTree(root, a);
    return report.toString();
  }

  private static String row(String name, Histogram h) {
    return "| "
        + name
        + " | "
        + Report.number(h.getMean() / 1e3)
        + " | "
        + Report.number(h.getValueAtPercentile(50) / 1e3)
        + " | "
        + Report.number(h.getValueAtPercentile(99) / 1e3)
        + " | "
        + Report.number(h.getMaxValue() / 1e3)
        + " |";
  }
}
