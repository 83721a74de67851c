package dev.duro.bench;

import dev.duro.runtime.ObjectRuntime;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Target 3 (issue #5): alarms. Four measurements, each on its own data directory:
 *
 * <ol>
 *   <li>Firing rate: N objects get an alarm for the same instant; they are evicted first, so each
 *       firing activates its object, as alarms of idle objects do. Rate = N / (last − first fire).
 *   <li>Lateness on an idle host: alarms due at staggered times; lateness = the wall-clock time the
 *       alarm turn ran ({@link WallClock}) minus its scheduled time.
 *   <li>Heap with P pending alarms (due in a day): used heap after GC (runtime open, objects
 *       evicted) at each of {@code --heap-steps} pending alarms and at P, all in one runtime, so a
 *       flat heap shows as equal figures; and the final figure minus the same measure after a
 *       control run of P durable turns on P fresh objects without alarms. The control cancels what
 *       writing P turns costs anyway (the runtime's Xodus log cache, a fixed size per runtime,
 *       {@code --cache-mib} or the runtime's default), leaving what the pending alarms hold.
 *   <li>Restart with the P alarms pending: one more alarm is set to fall due while the runtime is
 *       closed; the time from {@code build()} to that alarm's turn is the restart time. The heap
 *       with the runtime closed may still hold the closed runtime's log cache: Xodus's shared
 *       deferred-I/O thread keeps its last job (and so the last environment it served) reachable
 *       until it runs another one.
 * </ol>
 */
final class AlarmBench {
  private AlarmBench() {}

  static String run(Args a) throws Exception {
    int fireN = a.integer("fire-objects", 100_000);
    int fireWarmup = a.integer("fire-warmup", 50_000);
    int lateN = a.integer("late-alarms", 2_000);
    double spread = a.decimal("late-spread", 10);
    int pending = a.integer("pending", 1_000_000);
    int window = a.integer("window", 256);
    double assumedArmRate = a.decimal("assumed-arm-rate", 10_000);
    long minLead = Math.round(a.decimal("min-lead", 3) * 1000);
    long gcPause = a.integer("gc-pause-ms", 200);
    long sentinelLead = Math.round(a.decimal("sentinel-lead", 1) * 1000);
    int[] heapSteps = a.integers("heap-steps", 10_000, 100_000);
    int cacheMib = a.integer("cache-mib", 0);
    Path root = a.dataRoot();
    Report report =
        new Report(
            "Alarms (target 3, issue #5)",
            String.format(
                Locale.ROOT,
                "firing: %d objects; lateness: %d alarms over %s s; heap and restart: %d pending"
                    + " alarms; window %d; data in %s",
                fireN,
                lateN,
                Report.number(spread),
                pending,
                window,
                root));

    long armErrors = 0;

    // 1. Firing rate, after a discarded warm-up round so the firing path is compiled (the
    // arming turns exercise other code).
    try (ObjectRuntime rt = runtime(cacheMib, root.resolve("fire"))) {
      BenchAlarmNamespace ns = BenchAlarmNamespace.of(rt.invoker());
      if (fireWarmup > 0) {
        Bench.progress("alarms: warm-up, firing " + fireWarmup + " alarms");
        fireRound(rt, ns, "w", fireWarmup, window, minLead, assumedArmRate);
      }
      Armed armed = armForOneInstant(rt, ns, "f", fireN, window, minLead, assumedArmRate);
      long due = armed.due();
      long errors = armed.errors();
      boolean overlapped = !BenchAlarm.FIRED.isEmpty();
      List<BenchAlarm.Fired> fired = await(fireN, due + 120_000 + fireN / 100L);
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (BenchAlarm.Fired f : fired) {
        first = Math.min(first, f.firedEpochNanos());
        last = Math.max(last, f.firedEpochNanos());
      }
      report.line("| measure | value |");
      report.line("|---|---:|");
      if (fired.isEmpty()) {
        report.line("| firing | no alarm fired |");
      } else {
        double seconds = Math.max(1, last - first) / 1e9;
        report.line(
            String.format(
                Locale.ROOT,
                "| firing rate, %d evicted objects, one instant | **%s alarms/s** (%d fired in %s"
                    + " s; last fired %s s after due; %d arm errors%s) |",
                fireN,
                Report.count(fired.size() / seconds),
                fired.size(),
                Report.number(seconds),
                Report.number((last - due * 1_000_000L) / 1e9),
                errors,
                overlapped
                    ? "; INVALID: firing began before arming ended, lower --assumed-arm-rate"
                    : ""));
      }
    }

    // 2. Lateness, idle host.
    try (ObjectRuntime rt = runtime(cacheMib, root.resolve("late"))) {
      BenchAlarmNamespace ns = BenchAlarmNamespace.of(rt.invoker());
      BenchAlarm.FIRED.clear();
      long start = WallClock.epochMillis() + Math.max(minLead, lateN);
      long stepMicros = (long) (spread * 1e6 / lateN);
      Bench.progress("alarms: " + lateN + " staggered alarms over " + spread + " s");
      armErrors +=
          Load.pipelined(
              lateN,
              window,
              i -> ns.get(ns.idFromName("l" + i)).async().arm(start + i * stepMicros / 1000));
      Machine.CpuMeter cpu = new Machine.CpuMeter();
      List<BenchAlarm.Fired> fired = await(lateN, start + (long) (spread * 1000) + 60_000);
      double[] cores = cpu.cores();
      Histogram h = new Histogram(3);
      long early = 0;
      for (BenchAlarm.Fired f : fired) {
        long l = f.latenessNanos();
        if (l < 0) {
          early++;
        }
        h.recordValue(Math.max(0, l));
      }
      report.line(
          String.format(
              Locale.ROOT,
              "| lateness, %d alarms | p50 %s ms, p99 **%s ms**, max %s ms (%d fired, %d early;"
                  + " CPU own %s, others %s) |",
              lateN,
              Report.ms(h.getValueAtPercentile(50)),
              Report.ms(h.getValueAtPercentile(99)),
              Report.ms(h.getMaxValue()),
              fired.size(),
              early,
              Report.cores(cores[0]),
              Report.cores(cores[2])));
      report.line("");
      report.target("alarm lateness p99", h.getValueAtPercentile(99) / 1e6, "ms", 10, false);
    }

    // 3. Heap: control run without alarms, then the pending alarms.
    long heapEmpty = usedHeapAfterGc(gcPause);
    long heapControl;
    try (ObjectRuntime rt = runtime(cacheMib, root.resolve("control"))) {
      BenchCounterNamespace ns = BenchCounterNamespace.of(rt.invoker());
      Bench.progress("alarms: control, " + pending + " turns without alarms");
      armErrors +=
          Load.pipelined(pending, window, i -> ns.get(ns.idFromName("p" + i)).async().increment(1));
      rt.evictAll();
      heapControl = usedHeapAfterGc(gcPause);
    }
    long heapAlarms;
    List<long[]> heapAtStep = new ArrayList<>();
    long armNanos;
    long closeNanos;
    long sentinelDue;
    int activeAfterEvict;
    Path pendingDir = root.resolve("pending");
    try (ObjectRuntime rt = runtime(cacheMib, pendingDir)) {
      BenchAlarmNamespace ns = BenchAlarmNamespace.of(rt.invoker());
      long farFuture = WallClock.epochMillis() + 86_400_000L;
      Bench.progress("alarms: arming " + pending + " alarms due in a day");
      long t0 = System.nanoTime();
      long pauses = 0;
      int armed = 0;
      for (int step : heapSteps) {
        if (step <= armed || step >= pending) {
          continue;
        }
        int from = armed;
        armErrors +=
            Load.pipelined(
                step - from,
                window,
                i -> ns.get(ns.idFromName("p" + (from + i))).async().arm(farFuture));
        armed = step;
        long p0 = System.nanoTime();
        rt.evictAll();
        heapAtStep.add(new long[] {step, usedHeapAfterGc(gcPause)});
        pauses += System.nanoTime() - p0;
      }
      int from = armed;
      armErrors +=
          Load.pipelined(
              pending - from,
              window,
              i -> ns.get(ns.idFromName("p" + (from + i))).async().arm(farFuture));
      armNanos = System.nanoTime() - t0 - pauses;
      rt.evictAll();
      activeAfterEvict = rt.activeObjectCount();
      heapAlarms = usedHeapAfterGc(gcPause);
      heapAtStep.add(new long[] {pending, heapAlarms});
      BenchAlarm.FIRED.clear();
      sentinelDue = WallClock.epochMillis() + sentinelLead;
      ns.get(ns.idFromName("sentinel")).arm(sentinelDue);
      long c0 = System.nanoTime();
      rt.close();
      closeNanos = System.nanoTime() - c0;
    }
    boolean sentinelEarly = !BenchAlarm.FIRED.isEmpty();
    long wait = sentinelDue + 200 - WallClock.epochMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    long heapClosed = usedHeapAfterGc(gcPause);

    // 4. Restart until the first alarm fires.
    Bench.progress("alarms: restart with " + pending + " pending alarms");
    long r0 = WallClock.epochNanos();
    long buildNanos;
    long firstFireNanos = -1;
    long heapRestarted;
    try (ObjectRuntime rt = runtime(cacheMib, pendingDir)) {
      buildNanos = WallClock.epochNanos() - r0;
      // The alarm turn may run before build() returns: its own timestamp is the end point.
      List<BenchAlarm.Fired> fired = await(1, WallClock.epochMillis() + 600_000);
      if (!fired.isEmpty()) {
        firstFireNanos = fired.get(0).firedEpochNanos() - r0;
      }
      heapRestarted = usedHeapAfterGc(gcPause);
    }

    long mib = 1024 * 1024;
    double perAlarm = (heapAlarms - heapControl) / (double) pending;
    report.line("");
    report.line("| measure | value |");
    report.line("|---|---:|");
    report.line(
        String.format(
            Locale.ROOT,
            "| arming %d alarms (durable turns, each activating a new object) | %s s, %s/s |",
            pending,
            Report.number(armNanos / 1e9),
            Report.count(pending / (armNanos / 1e9))));
    report.line(row("failed set-up calls (all phases after the first)", String.valueOf(armErrors)));
    report.line(row("used heap after GC, nothing open", heapEmpty / mib + " MiB"));
    report.line(
        row(
            "used heap, control: " + pending + " turns without alarms, objects evicted",
            heapControl / mib + " MiB"));
    report.line(
        row(
            "used heap, "
                + pending
                + " pending alarms, objects evicted ("
                + activeAfterEvict
                + " still active)",
            heapAlarms / mib + " MiB"));
    for (long[] step : heapAtStep) {
      report.line(
          row(
              "used heap, " + step[0] + " pending alarms, objects evicted, runtime open",
              step[1] / mib + " MiB"));
    }
    report.line(row("heap per pending alarm (alarms − control)", Report.number(perAlarm) + " B"));
    report.line(row("close with the alarms pending", Report.number(closeNanos / 1e6) + " ms"));
    report.line(row("restart: build()", Report.number(buildNanos / 1e6) + " ms"));
    report.line(
        row(
            "restart: build() to the first alarm turn",
            firstFireNanos < 0
                ? "did not fire within 600 s"
                : "**"
                    + Report.number(firstFireNanos / 1e6)
                    + " ms**"
                    + (sentinelEarly ? " (INVALID: fired before the close)" : "")));
    report.line(
        row(
            "used heap after restart − with the runtime closed",
            (heapRestarted - heapClosed) / mib + " MiB"));
    report.line("");
    report.target(
        "heap per pending alarm (flat heap: under 16 B, i.e. 16 MB per million)",
        perAlarm,
        "B",
        16,
        false);
    Bench.deleteTree(root, a);
    return report.toString();
  }

  /** An armed round: the instant its alarms are due and how many arming calls failed. */
  private record Armed(long due, long errors) {}

  /**
   * Arms {@code n} objects named {@code prefix + i} for one instant far enough ahead that arming
   * ends first, then evicts them so each firing activates its object.
   */
  private static Armed armForOneInstant(
      ObjectRuntime rt,
      BenchAlarmNamespace ns,
      String prefix,
      int n,
      int window,
      long minLead,
      double assumedArmRate)
      throws InterruptedException {
    BenchAlarm.FIRED.clear();
    long lead = (long) Math.max(minLead, 1.5 * n / assumedArmRate * 1_000);
    long due = WallClock.epochMillis() + lead;
    Bench.progress("alarms: arming " + n + " objects for one instant");
    long errors =
        Load.pipelined(n, window, i -> ns.get(ns.idFromName(prefix + i)).async().arm(due));
    rt.evictAll();
    return new Armed(due, errors);
  }

  /** One whole firing round whose figures are discarded. */
  private static void fireRound(
      ObjectRuntime rt,
      BenchAlarmNamespace ns,
      String prefix,
      int n,
      int window,
      long minLead,
      double assumedArmRate)
      throws InterruptedException {
    long due = armForOneInstant(rt, ns, prefix, n, window, minLead, assumedArmRate).due();
    await(n, due + 120_000 + n / 100L);
    BenchAlarm.FIRED.clear();
  }

  /** A runtime on {@code dir}; {@code cacheMib} sets its storage cache (0: the default). */
  private static ObjectRuntime runtime(int cacheMib, Path dir) {
    ObjectRuntime.Builder b = ObjectRuntime.builder().dataDirectory(dir);
    if (cacheMib > 0) {
      b.storageCacheBytes((long) cacheMib << 20);
    }
    return b.build();
  }

  private static String row(String name, String value) {
    return "| " + name + " | " + value + " |";
  }

  /** Waits until {@code n} alarms have fired or the wall clock passes {@code untilEpochMillis}. */
  private static List<BenchAlarm.Fired> await(int n, long untilEpochMillis)
      throws InterruptedException {
    while (BenchAlarm.FIRED.size() < n && WallClock.epochMillis() < untilEpochMillis) {
      Thread.sleep(20);
    }
    return new ArrayList<>(BenchAlarm.FIRED);
  }

  static long usedHeapAfterGc(long pauseMillis) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(pauseMillis);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
