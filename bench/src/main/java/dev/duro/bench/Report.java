package dev.duro.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Builds one Markdown result block, pasteable into BENCHMARKS.md as is. */
final class Report {
  private final StringBuilder out = new StringBuilder();
  private boolean inTable;

  Report(String title, String settings) {
    out.append("### ").append(title).append("\n\n").append(Machine.describe());
    out.append("- settings: ").append(settings).append("\n\n");
  }

  /** Starts the table of load results. */
  Report loadTable() {
    out.append(
        "| case | ops/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | CPU own | CPU host |"
            + " CPU others |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    inTable = true;
    return this;
  }

  Report row(Load.Result r) {
    Histogram h = r.latency();
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %d | %s | %s | %s |%n",
            r.name(),
            count(r.rate()),
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()),
            r.errors(),
            cores(r.cpu()[0]),
            cores(r.cpu()[1]),
            cores(r.cpu()[2])));
    return this;
  }

  /**
   * Starts the table of cases measured in rounds ({@link #roundsRow}): the columns of {@link
   * #loadTable} followed by the slowest and fastest round and the spread.
   */
  Report roundsTable() {
    out.append(
        "| case | ops/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | CPU own | CPU host |"
            + " CPU others | rounds min–max ops/s | spread |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    inTable = true;
    return this;
  }

  /**
   * One case measured in several rounds: ops/s is the median of the rounds' rates, latency
   * percentiles are over every call of every round, errors their sum, CPU the mean of the rounds
   * (which are equally long), spread (max − min) / median of the rates.
   */
  Report roundsRow(String name, List<Load.Result> rounds) {
    double[] rates = rounds.stream().mapToDouble(Load.Result::rate).toArray();
    Histogram h = new Histogram(3); // auto-resizing, the precision of Load's recorders
    long errors = 0;
    double[] cpu = new double[3];
    for (Load.Result r : rounds) {
      h.add(r.latency());
      errors += r.errors();
      for (int c = 0; c < cpu.length; c++) {
        cpu[c] += r.cpu()[c] / rounds.size(); // NaN stays NaN: unknown in one round is unknown
      }
    }
    double median = median(rates);
    double min = Arrays.stream(rates).min().orElseThrow();
    double max = Arrays.stream(rates).max().orElseThrow();
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s–%s | %s %% |%n",
            name,
            count(median),
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()),
            errors,
            cores(cpu[0]),
            cores(cpu[1]),
            cores(cpu[2]),
            count(min),
            count(max),
            number(median > 0 ? 100 * (max - min) / median : 0)));
    return this;
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of nothing");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** A free line (closes any table first). */
  Report line(String text) {
    if (inTable) {
      out.append('\n');
      inTable = false;
    }
    out.append(text).append('\n');
    return this;
  }

  /** A target line: what was measured against the goal, and whether it was met. */
  Report target(String what, double measured, String unit, double goal, boolean higherIsBetter) {
    boolean met = higherIsBetter ? measured >= goal : measured < goal;
    return line(
        String.format(
            Locale.ROOT,
            "- %s: **%s %s** (target %s %s %s) — %s",
            what,
            number(measured),
            unit,
            higherIsBetter ? "≥" : "<",
            number(goal),
            unit,
            met ? "met" : "MISSED"));
  }

  @Override
  public String toString() {
    return out + (inTable ? "\n" : "");
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String number(double v) {
    if (Math.abs(v) >= 1000) {
      return count(v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
  }

  static String cores(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }
}
