package dev.duro.bench;

import dev.duro.runtime.ObjectRuntime;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Target 4: the cost of activating a small object. Sequential blocking calls of a read-only method
 * (which commits nothing), first on fresh ids (each call activates: instance, {@code @Persist}
 * load from storage, turn) and then on the same, now active, objects. Activation cost is the
 * difference, which cancels the cost of the call itself (thread hops, encoding).
 */
final class ActivationBench {
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
                    + " calls of a read-only method; data in %s",
                n, warm, root));
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
      for (BenchCounterStub s : fresh) {
        long t0 = System.nanoTime();
        s.get();
        first.recordValue(System.nanoTime() - t0);
      }
      int activated = rt.activeObjectCount() - before;
      Histogram again = new Histogram(3);
      for (BenchCounterStub s : fresh) {
        long t0 = System.nanoTime();
        s.get();
        again.recordValue(System.nanoTime() - t0);
      }
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
