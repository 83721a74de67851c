package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.runtime.testing.ManualTimeSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms across a real host process killed with SIGKILL ({@link AlarmCrashChild}): acknowledged
 * alarms all fire after a restart that reads one window, and an alarm whose turn was running when
 * the host died fires again.
 */
class AlarmCrashTest {
  @TempDir Path dir;

  private ObjectRuntime reopen(AlarmProbe probe, ManualTimeSource clock, int window) {
    return ObjectRuntime.builder()
        .dataDirectory(dir.resolve("data"))
        .bindings(List.of(probe))
        .timeSource(clock)
        .turnExecutor(Runnable::run)
        .alarmWindow(window)
        .build();
  }

  /** Starts the child, hands its output lines to {@code line} until it returns false, kills it. */
  private void runAndKill(String mode, long millis, Predicate<String> line) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AlarmCrashChild.class.getName(),
                mode,
                dir.resolve("data").toString(),
                Long.toString(millis))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      boolean more = true;
      while (more && (l = in.readLine()) != null) {
        more = line.test(l);
      }
      assertTrue(!more, "the child stopped early");
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void everyAcknowledgedAlarmFiresAfterAKillAndARestartThatReadsOneWindow() throws Exception {
    // Far in the child's future: nothing fires there.
    long base = System.currentTimeMillis() + Duration.ofDays(1).toMillis();
    int target = 150 + new Random().nextInt(150);
    Map<String, Long> acknowledged = new HashMap<>();
    runAndKill(
        "arm",
        base,
        l -> {
          String[] parts = l.split(" ");
          acknowledged.put(parts[1], Long.parseLong(parts[2]));
          return acknowledged.size() < target;
        });

    AlarmProbe probe = new AlarmProbe();
    ManualTimeSource clock = new ManualTimeSource(Instant.ofEpochMilli(base - 1000));
    int window = 20;
    try (ObjectRuntime r = reopen(probe, clock, window)) {
      assertTrue(r.alarmsInMemory() <= window, "restart loaded " + r.alarmsInMemory());
      clock.advance(Duration.ofMillis(AlarmCrashChild.SPREAD_MILLIS + 2000));
      Map<String, List<Instant>> fired = new HashMap<>();
      for (AlarmProbe.Fired f : probe.fired) {
        fired.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.info().scheduledTime());
        assertEquals(f.info().scheduledTime(), f.ranAt());
      }
      for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
        assertEquals(
            List.of(Instant.ofEpochMilli(e.getValue())), fired.get(e.getKey()), e.getKey());
      }
      assertEquals(0, r.alarmsInMemory());
    }
  }

  @Test
  void anAlarmWhoseTurnWasRunningWhenTheHostDiedFiresAgainAfterRestart() throws Exception {
    long at = System.currentTimeMillis() + 300;
    List<String> lines = new ArrayList<>();
    runAndKill(
        "hang",
        at,
        l -> {
          lines.add(l);
          return !l.startsWith("firing");
        });
    assertEquals(List.of("set", "firing 0"), lines);

    AlarmProbe probe = new AlarmProbe();
    ManualTimeSource clock = new ManualTimeSource(Instant.ofEpochMilli(at + 60_000));
    try (ObjectRuntime r = reopen(probe, clock, 100)) {
      assertEquals(
          Optional.of(Instant.ofEpochMilli(at)),
          r.pendingAlarm(AlarmProbe.NAMESPACE, AlarmProbe.id("h")),
          "the interrupted alarm turn committed nothing");
      clock.advance(Duration.ZERO);
      assertEquals(1, probe.fired.size());
      AlarmProbe.Fired f = probe.fired.peek();
      assertEquals("h", f.name());
      assertEquals(Instant.ofEpochMilli(at), f.info().scheduledTime());
      assertEquals(0, f.info().retryCount(), "retry state is not durable: it starts again at 0");
      assertEquals(Optional.empty(), r.pendingAlarm(AlarmProbe.NAMESPACE, AlarmProbe.id("h")));
    }
  }
}
