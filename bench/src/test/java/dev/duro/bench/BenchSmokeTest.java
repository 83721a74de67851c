package dev.duro.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each benchmark entry point runs end to end at a toy size and prints a complete result block.
 * Speed is not checked here (that is what the benchmarks are for); only that every case ran,
 * completed calls and reported no errors.
 */
class BenchSmokeTest {
  // "| case | ops/s | ... | errors |": the rate and error columns of a load row.
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| ([^|]+) \\| ([\\d,]+) \\|(?: [^|]+ \\|){4} (\\d+) \\|", Pattern.MULTILINE);

  @Test
  void inProcess(@TempDir Path dir) throws Exception {
    String out =
        run(
            "inprocess",
            "--dir=" + dir,
            "--warmup=0.05",
            "--seconds=0.15",
            "--windows=8",
            "--objects=10");
    assertTrue(out.startsWith("### In-process durable turns"), out);
    assertRowsRanCleanly(out, 6);
    assertTrue(out.contains("10 objects / raw (10 keys)"), out);
  }

  @Test
  void grpc(@TempDir Path dir) throws Exception {
    String out =
        run(
            "grpc",
            "--dir=" + dir,
            "--warmup=0.1",
            "--seconds=0.3",
            "--rounds=2",
            "--windows=4",
            "--objects=5");
    assertTrue(out.startsWith("### Loopback gRPC"), out);
    assertRowsRanCleanly(out, 3);
    assertTrue(out.contains("then 2 interleaved rounds of 0.15 s per case"), out);
    assertTrue(out.contains("| rounds min–max ops/s | spread |"), out);
    assertTrue(out.contains("1 object / bare echo"), out);
    assertTrue(out.contains("5 objects / bare echo"), out);
  }

  @Test
  void alarms(@TempDir Path dir) throws Exception {
    String out =
        run(
            "alarms",
            "--dir=" + dir,
            "--fire-objects=50",
            "--fire-warmup=30",
            "--late-alarms=20",
            "--late-spread=0.2",
            "--pending=200",
            "--assumed-arm-rate=1000000",
            "--min-lead=0.3",
            "--sentinel-lead=0.3",
            "--gc-pause-ms=20");
    assertTrue(out.contains("(50 fired in"), out);
    assertTrue(out.contains("(20 fired, 0 early"), out);
    assertTrue(out.contains("| failed set-up calls (all phases after the first) | 0 |"), out);
    // Whether set-up beat the due times (else the block says INVALID) depends on the machine's
    // load, so it is not asserted: the smoke test only proves that every phase ran.
    assertTrue(out.contains("build() to the first alarm turn | **"), out);
  }

  @Test
  void activation(@TempDir Path dir) throws Exception {
    String out = run("activation", "--dir=" + dir, "--activations=200", "--warmup-activations=100");
    assertTrue(out.contains("Objects activated by the measured pass: 200 of 200."), out);
  }

  @Test
  void commitDelay(@TempDir Path dir) throws Exception {
    String out =
        run(
            "commit-delay",
            "--dir=" + dir,
            "--rate=2000",
            "--rounds=2",
            "--warmup=0.3",
            "--seconds=0.5");
    assertRowsRanCleanly(out, 2);
    assertTrue(out.contains("| delay 1000 µs |"), out);
    assertTrue(out.contains("- round 2: no delay "), out);
  }

  private static void assertRowsRanCleanly(String out, int expected) {
    Matcher m = ROW.matcher(out);
    int rows = 0;
    while (m.find()) {
      if (m.group(1).equals("case")) {
        continue;
      }
      rows++;
      long rate = Long.parseLong(m.group(2).replace(",", ""));
      assertTrue(rate > 0, "no call completed in: " + m.group());
      assertTrue(m.group(3).equals("0"), "errors in: " + m.group());
    }
    assertTrue(rows == expected, "expected " + expected + " rows, found " + rows + " in\n" + out);
  }

  /** Runs benchmark {@code command} with {@code options}, as the command line would. */
  private static String run(String command, String... options) throws Exception {
    return Bench.run(command, new Args(options));
  }
}
