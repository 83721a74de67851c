package dev.duro.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending alarms cost disk, not heap (issue #5), in a real host JVM: the child arms 200,000 alarms
 * due in a day, and its heap at rest (objects evicted, least used heap after GC over a few seconds)
 * grows by less than 16 bytes per alarm between the first tenth and all of them: the alarms and the
 * objects that set them are on disk, the scheduler holds only a bounded window. A second JVM on the
 * same directory then fires the sentinel alarm set last, among all the pending ones, without being
 * called. The benchmark ({@code bench/run.sh alarms}) measures the same at a million alarms.
 *
 * <p>The heap is 1 GiB, not small: while Xodus's log cleaner moves live data, its transaction holds
 * a copy of much of the tree (and the log pages behind it) until it commits, a transient that grows
 * with the data; at 200,000 new objects it took 96 MiB to 512 MiB heaps out of memory on some runs
 * (noted for the engine, issue #4).
 */
class AlarmHeapIT {
  private static final int ALARMS = 200_000;
  private static final double MAX_BYTES_PER_ALARM = 16;

  @TempDir Path dir;

  @Test
  void twoHundredThousandPendingAlarmsKeepTheHeapFlatAndTheLastOneFiresAfterRestart()
      throws Exception {
    Path data = dir.resolve("data");
    Map<String, Long> armed = child("arm", data, Integer.toString(ALARMS));
    assertEquals(0, armed.get("errors"), "failed arming calls");
    assertEquals(0, armed.get("active"), "objects still active after evictAll");
    assertEquals(0, armed.get("firedBeforeClose"), "an alarm fired before its time");
    long growth = armed.get("heapAtAll") - armed.get("heapAtTenth");
    double perAlarm = growth / (double) (ALARMS - ALARMS / 10);
    assertTrue(
        perAlarm < MAX_BYTES_PER_ALARM,
        "used heap grew "
            + growth
            + " B over "
            + (ALARMS - ALARMS / 10)
            + " alarms: "
            + perAlarm
            + " B per pending alarm (heap at a tenth "
            + armed.get("heapAtTenth")
            + " B, at all "
            + armed.get("heapAtAll")
            + " B)");

    Map<String, Long> restarted = child("restart", data);
    assertEquals(1, restarted.get("fired"), "the sentinel alarm after the restart: " + restarted);
    assertEquals(armed.get("sentinelDue"), restarted.get("scheduled"));
    assertTrue(restarted.get("lateness") >= 0, "fired before its time: " + restarted);
  }

  private Map<String, Long> child(String phase, Path data, String... rest) throws Exception {
    Path out = dir.resolve(phase + ".out");
    Path log = dir.resolve(phase + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                AlarmHeapChild.class.getName(),
                phase,
                data.toString(),
                out.toString()));
    cmd.addAll(List.of(rest));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        fail(phase + ": the child JVM did not finish within 240 s; log: " + read(log));
      }
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), phase + ": child exit code; log: " + read(log));
    Map<String, Long> values = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
    }
    return values;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
