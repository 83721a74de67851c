package dev.duro.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The arithmetic of cases measured in rounds: medians, merged latency, spread. */
class ReportTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, Report.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Report.median(new double[] {4, 1, 3, 2}));
    assertEquals(7.0, Report.median(new double[] {7}));
    assertThrows(IllegalArgumentException.class, () -> Report.median(new double[0]));
  }

  @Test
  void medianDoesNotReorderItsInput() {
    double[] values = {3, 1, 2};
    Report.median(values);
    assertEquals(List.of(3.0, 1.0, 2.0), List.of(values[0], values[1], values[2]));
  }

  @Test
  void roundsRowReportsMedianRateMergedLatencyErrorSumMeanCpuAndSpread() {
    // 100/s at 1 ms, 300/s at 3 ms, 200/s at 2 ms.
    Load.Result slow = result(200, 2.0, 1, 1_000_000, new double[] {0.5, 1.0, 0.0});
    Load.Result fast = result(300, 1.0, 2, 3_000_000, new double[] {1.0, 0.5, 0.25});
    Load.Result middle = result(600, 3.0, 0, 2_000_000, new double[] {0.0, 0.0, 0.05});
    String out =
        new Report("t", "s")
            .roundsTable()
            .roundsRow("case A", List.of(slow, fast, middle))
            .toString();

    // Median rate 200 (not the mean of the calls, 1100 / 6 s), range 100–300, spread 200 / 200.
    // Latency over all 1,100 calls: the 550th is one of the 600 at 2 ms; p99 and max are 3 ms
    // (HdrHistogram reports the top of the value's bucket). Errors 1 + 2 + 0; CPU the mean.
    assertTrue(
        out.contains(
            "| case A | 200 | 2.001 | 3.000 | 3.000 | 3.000 | 3 | 0.50 | 0.50 | 0.10 | 100–300 |"
                + " 100.0 % |"),
        out);
  }

  @Test
  void unknownCpuInAnyRoundIsUnknown() {
    Load.Result known = result(10, 1.0, 0, 1_000, new double[] {1, 1, 1});
    Load.Result unknown = result(10, 1.0, 0, 1_000, new double[] {Double.NaN, 1, 1});
    String out =
        new Report("t", "s").roundsTable().roundsRow("c", List.of(known, unknown)).toString();
    assertTrue(out.contains("| 0 | n/a | 1.00 | 1.00 |"), out);
  }

  /** {@code ops} calls over {@code seconds}, each with the same latency. */
  private static Load.Result result(
      long ops, double seconds, long errors, long latencyNanos, double[] cpu) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(latencyNanos, ops);
    return new Load.Result("case A", ops, seconds, errors, h, cpu);
  }
}
