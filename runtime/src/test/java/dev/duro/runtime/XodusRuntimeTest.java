package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.runtime.internal.storage.XodusStorageEngine;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ManualTimeSource;
import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime contract over Xodus on disk, plus what only a data directory can show. */
class XodusRuntimeTest extends RuntimeContractTest {
  @TempDir Path dir;

  @Override
  StorageEngine openStorage() {
    return XodusStorageEngine.open(dir.resolve("engine"));
  }

  private ObjectRuntime.Builder onDisk(Path data, ManualTimeSource time) {
    return ObjectRuntime.builder()
        .dataDirectory(data)
        .bindings(List.of(new TestCounter_Binding()))
        .timeSource(time)
        .turnExecutor(Runnable::run);
  }

  @Test
  void alarmSetBeforeCloseFiresAfterRestartOnTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    ManualTimeSource before = new ManualTimeSource();
    Instant at = before.now().plus(Duration.ofMinutes(30));
    try (ObjectRuntime r = onDisk(data, before).build()) {
      TestCounterStub c = TestCounterNamespace.of(r.invoker()).get("sleeper");
      c.increment(1);
      c.setAlarm(at.toEpochMilli());
    }
    ManualTimeSource after = new ManualTimeSource(at.plusSeconds(1));
    try (ObjectRuntime r = onDisk(data, after).build()) {
      after.advance(Duration.ZERO);
      TestCounterStub c = TestCounterNamespace.of(r.invoker()).get("sleeper");
      assertEquals(1, c.alarmsFired());
      assertEquals(1, c.get());
      assertEquals(-1, c.alarm());
    }
  }

  @Test
  void secondRuntimeOnTheSameDataDirectoryFailsClearly() {
    Path data = dir.resolve("locked");
    try (ObjectRuntime first = onDisk(data, new ManualTimeSource()).build()) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> onDisk(data, new ManualTimeSource()).build());
      assertTrue(e.getMessage().contains("is in use by another Duro runtime"), e.getMessage());
      // The first runtime is unaffected.
      assertEquals(1, TestCounterNamespace.of(first.invoker()).get("a").increment(1));
    }
    // Once closed, the directory can be opened again.
    try (ObjectRuntime again = onDisk(data, new ManualTimeSource()).build()) {
      assertEquals(1, TestCounterNamespace.of(again.invoker()).get("a").get());
    }
  }

  @Test
  void killDashNineLosesNoAcknowledgedWrite() throws Exception {
    Path data = dir.resolve("crash");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                data.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, Long> acknowledged = new HashMap<>();
    int lines = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lines < 400 && (line = in.readLine()) != null) {
        String[] parts = line.split(" ");
        acknowledged.merge(parts[0], Long.parseLong(parts[1]), Math::max);
        lines++;
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(400, lines, "the child stopped early");
    try (ObjectRuntime r = onDisk(data, new ManualTimeSource()).build()) {
      for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
        long stored = TestCounterNamespace.of(r.invoker()).get(e.getKey()).get();
        assertTrue(
            stored >= e.getValue(),
            e.getKey() + ": acknowledged " + e.getValue() + " but recovered " + stored);
      }
    }
  }

  @Test
  void dataDirectoryAndStorageAreMutuallyExclusive() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ObjectRuntime.builder()
                    .dataDirectory(dir)
                    .storage(StorageEngine.inMemory())
                    .build());
    assertTrue(e.getMessage().contains("mutually exclusive"), e.getMessage());
  }
}
