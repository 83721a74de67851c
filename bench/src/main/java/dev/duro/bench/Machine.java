package dev.duro.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a result is worth depends on where it ran: cores, CPU model, OS, JVM, and whether anything
 * else was using the machine. This reads them (from {@code /proc} on Linux; elsewhere the CPU
 * fields say "unknown").
 */
final class Machine {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we target

  private Machine() {}

  /** The Markdown lines that head every result block. */
  static String describe() {
    Runtime rt = Runtime.getRuntime();
    return "- when: "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\n- machine: "
        + rt.availableProcessors()
        + " cores, "
        + cpuModel()
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch")
        + "\n- JVM: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + ", max heap "
        + rt.maxMemory() / (1024 * 1024)
        + " MiB, args "
        + ManagementFactory.getRuntimeMXBean().getInputArguments()
        + "\n- load average at start (1/5/15 min): "
        + loadAverage()
        + "\n";
  }

  static String cpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "CPU model unknown";
  }

  static String loadAverage() {
    List<String> l = lines("/proc/loadavg");
    if (l.isEmpty()) {
      return "unknown";
    }
    String[] f = l.get(0).split(" ");
    return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
  }

  /** CPU seconds used by the whole machine (all processes), or -1 if unknown. */
  static double machineBusySeconds() {
    List<String> l = lines("/proc/stat");
    if (l.isEmpty() || !l.get(0).startsWith("cpu ")) {
      return -1;
    }
    String[] f = l.get(0).trim().split("\\s+");
    // user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait.
    long busy = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(f[i]);
      }
    }
    return busy / TICKS_PER_SECOND;
  }

  /** CPU seconds used by process {@code pid}, or -1 if unknown. */
  static double processCpuSeconds(long pid) {
    List<String> l = lines("/proc/" + pid + "/stat");
    if (l.isEmpty()) {
      return -1;
    }
    String s = l.get(0);
    // Fields after the parenthesised command name: state is field 3; utime and stime are 14, 15.
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * CPU use over an interval, in cores: this JVM, an optional second process (the gRPC host), and
   * everything else on the machine. "Others" near zero means the figures are clean.
   */
  static final class CpuMeter {
    private final long otherPid;
    private final long startNanos = System.nanoTime();
    private final double machine0 = machineBusySeconds();
    private final double own0;
    private final double other0;

    CpuMeter(long otherPid) {
      this.otherPid = otherPid;
      this.own0 = processCpuSeconds(ProcessHandle.current().pid());
      this.other0 = otherPid > 0 ? processCpuSeconds(otherPid) : 0;
    }

    CpuMeter() {
      this(-1);
    }

    /** {own, second process, others} in cores since construction; NaN where unknown. */
    double[] cores() {
      double wall = (System.nanoTime() - startNanos) / 1e9;
      double machine = machineBusySeconds();
      double own = processCpuSeconds(ProcessHandle.current().pid());
      double other = otherPid > 0 ? processCpuSeconds(otherPid) : 0;
      if (machine0 < 0 || own0 < 0 || machine < 0 || own < 0 || wall <= 0) {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
      }
      double ownCores = (own - own0) / wall;
      double otherCores = otherPid > 0 ? (other - other0) / wall : 0;
      if (otherPid <= 0) {
        double rest = Math.max(0, (machine - machine0) / wall - ownCores);
        return new double[] {ownCores, Double.NaN, rest};
      }
      double rest = Math.max(0, (machine - machine0) / wall - ownCores - otherCores);
      return new double[] {ownCores, otherCores, rest};
    }
  }
}
