package dev.duro.bench;

import dev.duro.ObjectId;
import dev.duro.runtime.ObjectRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Target 1: durable turns per second in process, on 1,000 objects and on one, against raw Xodus
 * group commit measured in the same run, then p50/p99 latency at a fixed half of each peak.
 *
 * <p>For each window, the raw baseline runs first on a fresh environment, then Duro on a fresh data
 * directory, both driven by the same {@link Load#closedLoop} (same producer threads, same window,
 * same key and value sizes: the raw writer puts exactly the key and value the runtime writes for
 * {@link BenchCounter#increment}).
 */
final class InProcessBench {
  private InProcessBench() {}

  static String run(Args a) throws Exception {
    Duration warmup = Bench.seconds(a.decimal("warmup", 5));
    Duration measure = Bench.seconds(a.decimal("seconds", 10));
    int[] windows = a.integers("windows", 256, 1024);
    int producers = a.integer("producers", Runtime.getRuntime().availableProcessors());
    int objects = a.integer("objects", 1_000);
    Path root = a.dataRoot();

    ObjectId[] ids = ids(objects);
    byte[][] keys = new byte[objects][];
    for (int i = 0; i < objects; i++) {
      keys[i] = RawXodus.fieldKey(BenchCounterNamespace.NAME, ids[i], "count");
    }

    Report report =
        new Report(
            "In-process durable turns (target 1)",
            String.format(
                "%d producer threads, windows %s, %d objects, warm-up %s s, measure %s s per"
                    + " case; data in %s",
                producers,
                Arrays.toString(windows),
                objects,
                warmup.toMillis() / 1000.0,
                measure.toMillis() / 1000.0,
                root));
    report.loadTable();
    double rawMany = 0;
    double rawOne = 0;
    double duroMany = 0;
    double duroOne = 0;
    int run = 0;
    // --fixed=MANY,ONE: only the fixed-rate cases, at these rates (rechecking latency at a rate
    // found by an earlier run, without the closed-loop phase).
    int[] fixed = a.integers("fixed");
    if (fixed.length == 2) {
      windows = new int[0];
      duroMany = 2.0 * fixed[0];
      duroOne = 2.0 * fixed[1];
    } else if (fixed.length != 0) {
      throw new IllegalArgumentException("--fixed takes two rates: 1000 objects, 1 object");
    }
    for (int w : windows) {
      run++;
      try (RawXodus raw = new RawXodus(root.resolve("raw-" + run))) {
        Load.Result r =
            Load.closedLoop(
                "raw Xodus, " + objects + " keys, window " + w,
                seq -> raw.put(keys[(int) (seq % objects)], RawXodus.longValue(seq / objects + 1)),
                producers,
                w,
                warmup,
                measure,
                -1);
        report.row(r);
        rawMany = Math.max(rawMany, r.rate());
        Load.Result r1 =
            Load.closedLoop(
                "raw Xodus, 1 key, window " + w,
                seq -> raw.put(keys[0], RawXodus.longValue(seq + 1)),
                producers,
                w,
                warmup,
                measure,
                -1);
        report.row(r1);
        rawOne = Math.max(rawOne, r1.rate());
      }
      try (ObjectRuntime rt =
          ObjectRuntime.builder().dataDirectory(root.resolve("duro-" + run)).build()) {
        BenchCounterStub[] stubs = stubs(rt, ids);
        Load.Result d =
            Load.closedLoop(
                "Duro, " + objects + " objects, window " + w,
                seq -> stubs[(int) (seq % objects)].async().increment(1),
                producers,
                w,
                warmup,
                measure,
                -1);
        report.row(d);
        duroMany = Math.max(duroMany, d.rate());
        Load.Result d1 =
            Load.closedLoop(
                "Duro, 1 object, window " + w,
                seq -> stubs[0].async().increment(1),
                producers,
                w,
                warmup,
                measure,
                -1);
        report.row(d1);
        duroOne = Math.max(duroOne, d1.rate());
      }
    }
    Load.Result halfMany;
    Load.Result halfOne;
    try (ObjectRuntime rt =
        ObjectRuntime.builder().dataDirectory(root.resolve("duro-fixed-rate")).build()) {
      BenchCounterStub[] stubs = stubs(rt, ids);
      halfMany =
          Load.fixedRate(
              "Duro, " + objects + " objects, fixed " + Report.count(duroMany / 2) + "/s",
              seq -> stubs[(int) (seq % objects)].async().increment(1),
              duroMany / 2,
              warmup,
              measure,
              -1);
      report.row(halfMany);
      halfOne =
          Load.fixedRate(
              "Duro, 1 object, fixed " + Report.count(duroOne / 2) + "/s",
              seq -> stubs[0].async().increment(1),
              duroOne / 2,
              warmup,
              measure,
              -1);
      report.row(halfOne);
    }
    if (fixed.length == 2) {
      report.line("Fixed rates given with --fixed (no closed-loop phase in this run):");
      p99Targets(report, "at the given rate", objects, halfMany, halfOne);
      Bench.deleteTree(root, a);
      return report.toString();
    }
    report.line("Peaks are the best window. Ratios to the raw Xodus limit of the same run:");
    report.target(
        objects + " objects / raw (" + objects + " keys)", 100 * duroMany / rawMany, "%", 80, true);
    report.target(objects + " objects, absolute", duroMany, "turns/s", 200_000, true);
    report.target("1 object, absolute", duroOne, "turns/s", 50_000, true);
    report.line(
        String.format(
            "- 1 object / raw (1 key): %s %% (no target)", Report.number(100 * duroOne / rawOne)));
    p99Targets(report, "at half of peak", objects, halfMany, halfOne);
    Bench.deleteTree(root, a);
    return report.toString();
  }

  /** The ids of the benchmark's objects: named {@code o0}, {@code o1}, ... */
  static ObjectId[] ids(int objects) {
    BenchCounterNamespace names =
        BenchCounterNamespace.of(
            (ns, id, m, r) -> CompletableFuture.failedFuture(new IllegalStateException()));
    ObjectId[] ids = new ObjectId[objects];
    for (int i = 0; i < objects; i++) {
      ids[i] = names.idFromName("o" + i);
    }
    return ids;
  }

  static BenchCounterStub[] stubs(ObjectRuntime rt, ObjectId[] ids) {
    BenchCounterNamespace ns = BenchCounterNamespace.of(rt.invoker());
    BenchCounterStub[] stubs = new BenchCounterStub[ids.length];
    for (int i = 0; i < ids.length; i++) {
      stubs[i] = ns.get(ids[i]);
    }
    return stubs;
  }

  /**
   * The p99 latency target (< 5 ms) of both fixed-rate cases, labelled with how the rate was set.
   */
  private static void p99Targets(
      Report report, String rate, int objects, Load.Result many, Load.Result one) {
    report.target(
        objects + " objects, p99 " + rate,
        many.latency().getValueAtPercentile(99) / 1e6,
        "ms",
        5,
        false);
    report.target(
        "1 object, p99 " + rate, one.latency().getValueAtPercentile(99) / 1e6, "ms", 5, false);
  }
}
