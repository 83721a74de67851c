package dev.duro.bench;

import dev.duro.runtime.ObjectRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link AlarmHeapIT}. {@code arm DIR OUT N}: arms N alarms due in a day,
 * measuring the heap at rest ({@link #heapAtRest}) at N/10 and at N, then a sentinel alarm due
 * shortly, and closes. {@code restart DIR OUT}: opens the same directory and waits for the sentinel
 * to fire. Results go to OUT as {@code key=value} lines; the exit code is 0 only if the phase ran
 * to its end.
 */
final class AlarmHeapChild {
  static final long CACHE_BYTES = 4L << 20;
  static final long SENTINEL_LEAD_MILLIS = 1_500;

  private AlarmHeapChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    Path out = Path.of(args[2]);
    List<String> lines = new ArrayList<>();
    if (args[0].equals("arm")) {
      arm(dir, Integer.parseInt(args[3]), lines);
    } else {
      restart(dir, lines);
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.exit(0);
  }

  private static ObjectRuntime open(Path dir) {
    return ObjectRuntime.builder().dataDirectory(dir).storageCacheBytes(CACHE_BYTES).build();
  }

  private static void arm(Path dir, int n, List<String> lines) throws Exception {
    long farFuture = WallClock.epochMillis() + 86_400_000L;
    try (ObjectRuntime rt = open(dir)) {
      BenchAlarmNamespace ns = BenchAlarmNamespace.of(rt.invoker());
      int tenth = n / 10;
      long errors =
          Load.pipelined(tenth, 256, i -> ns.get(ns.idFromName("p" + i)).async().arm(farFuture));
      rt.evictAll();
      lines.add("heapAtTenth=" + heapAtRest());
      errors +=
          Load.pipelined(
              n - tenth, 256, i -> ns.get(ns.idFromName("p" + (tenth + i))).async().arm(farFuture));
      rt.evictAll();
      lines.add("heapAtAll=" + heapAtRest());
      lines.add("active=" + rt.activeObjectCount());
      lines.add("errors=" + errors);
      long sentinelDue = WallClock.epochMillis() + SENTINEL_LEAD_MILLIS;
      ns.get(ns.idFromName("sentinel")).arm(sentinelDue);
      lines.add("sentinelDue=" + sentinelDue);
    }
    lines.add("firedBeforeClose=" + BenchAlarm.FIRED.size());
  }

  /**
   * The least used heap after GC over about three seconds. Why the least: Xodus's log cleaner runs
   * in the background whenever enough of its log is garbage, and while its transaction is open it
   * holds a copy of the tree nodes it moves (with the log pages they were read from), a transient
   * that grows with the data and is gone when it commits (within Xodus's 1 s transaction timeout).
   * The pending alarms' cost is what stays.
   */
  static long heapAtRest() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      least = Math.min(least, AlarmBench.usedHeapAfterGc(150));
    }
    return least;
  }

  private static void restart(Path dir, List<String> lines) throws Exception {
    long t0 = System.nanoTime();
    try (ObjectRuntime ignored = open(dir)) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (BenchAlarm.FIRED.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      lines.add("fired=" + BenchAlarm.FIRED.size());
      lines.add("firstFiredMillis=" + (System.nanoTime() - t0) / 1_000_000);
      BenchAlarm.Fired first = BenchAlarm.FIRED.peek();
      if (first != null) {
        lines.add("scheduled=" + first.scheduledEpochMillis());
        lines.add("lateness=" + first.latenessNanos());
      }
    }
  }
}
