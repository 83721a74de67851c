package dev.duro.bench;

import dev.duro.ObjectId;
import dev.duro.runtime.ObjectRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the group-commit delay ({@code ObjectRuntime.Builder#groupCommitDelay}) buys: two runtimes
 * in one JVM, one without a delay and one with it, under the same fixed-rate load across 1,000
 * objects, measured in alternating rounds (each round starting with the other runtime) so that
 * machine noise hits both alike. Reports latency and the CPU of the process per case; the runtime
 * not under load is idle meanwhile.
 */
final class CommitDelayBench {
  private CommitDelayBench() {}

  static String run(Args a) throws Exception {
    double rate = a.decimal("rate", 180_000);
    long delayMicros = a.integer("delay-us", 1_000);
    int rounds = a.integer("rounds", 4);
    int objects = a.integer("objects", 1_000);
    Duration warmup = Bench.seconds(a.decimal("warmup", 8));
    Duration measure = Bench.seconds(a.decimal("seconds", 10));
    Path root = a.dataRoot();
    Duration delay = Duration.ofNanos(delayMicros * 1_000);
    Report report =
        new Report(
            "Group-commit delay: 0 against " + delayMicros + " µs",
            String.format(
                Locale.ROOT,
                "%s calls/s at a fixed rate across %d objects; %d alternating rounds of %.1f s per"
                    + " case (the first after a %.1f s warm-up, later ones after a third of it);"
                    + " data in %s",
                Report.count(rate),
                objects,
                rounds,
                measure.toMillis() / 1000.0,
                warmup.toMillis() / 1000.0,
                root));
    ObjectId[] ids = InProcessBench.ids(objects);
    List<Load.Result> none = new ArrayList<>();
    List<Load.Result> delayed = new ArrayList<>();
    try (ObjectRuntime a0 =
            ObjectRuntime.builder()
                .dataDirectory(root.resolve("no-delay"))
                .groupCommitDelay(Duration.ZERO)
                .build();
        ObjectRuntime a1 =
            ObjectRuntime.builder()
                .dataDirectory(root.resolve("delay"))
                .groupCommitDelay(delay)
                .build()) {
      BenchCounterStub[] s0 = InProcessBench.stubs(a0, ids);
      BenchCounterStub[] s1 = InProcessBench.stubs(a1, ids);
      for (int r = 0; r < rounds; r++) {
        for (int turn = 0; turn < 2; turn++) {
          boolean withDelay = (r + turn) % 2 == 1;
          BenchCounterStub[] s = withDelay ? s1 : s0;
          String name =
              (withDelay ? "delay " + delayMicros + " µs" : "no delay") + ", round " + (r + 1);
          Bench.progress("commit-delay: " + name);
          Load.Result result =
              Load.fixedRate(
                  name,
                  seq -> s[(int) (seq % objects)].async().increment(1),
                  rate,
                  r == 0 ? warmup : warmup.dividedBy(3),
                  measure,
                  -1);
          (withDelay ? delayed : none).add(result);
        }
      }
    }
    report.roundsTable();
    report.roundsRow("no delay", none);
    report.roundsRow("delay " + delayMicros + " µs", delayed);
    report.line("Per round (CPU own in cores, p99 in ms):");
    for (int r = 0; r < rounds; r++) {
      report.line(
          String.format(
              Locale.ROOT,
              "- round %d: no delay %.2f cores, p99 %.3f; delay %.2f cores, p99 %.3f",
              r + 1,
              none.get(r).cpu()[0],
              none.get(r).latency().getValueAtPercentile(99) / 1e6,
              delayed.get(r).cpu()[0],
              delayed.get(r).latency().getValueAtPercentile(99) / 1e6));
    }
    Bench.deleteTree(root, a);
    return report.toString();
  }
}
