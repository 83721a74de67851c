package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

  /**
   * Kill cycles: a child JVM increments {@value CrashChild#OBJECTS} counters from many threads and
   * is SIGKILLed after a random number of acknowledgements; every acknowledged value must be found
   * after reopening, and the next child continues on the same data. {@code -Dduro.killCycles=N}
   * runs more cycles (default 5).
   */
  @Test
  void killDashNineLosesNoAcknowledgedWrite() throws Exception {
    Path data = dir.resolve("crash");
    int cycles = Integer.getInteger("duro.killCycles", 5);
    Random random = new Random();
    Map<String, Long> acknowledged = new HashMap<>();
    for (int cycle = 0; cycle < cycles; cycle++) {
      int target = 100 + random.nextInt(600);
      runAndKill(data, target, acknowledged, new HashMap<>(acknowledged));
      try (ObjectRuntime r = onDisk(data, new ManualTimeSource()).build()) {
        // Before any call: the names come from storage, stored with each object's first commit.
        Set<String> listed = new HashSet<>();
        for (ObjectId id : r.listObjects(TestCounterNamespace.NAME)) {
          listed.add(id.name().orElse("unnamed " + id));
        }
        assertTrue(
            listed.containsAll(acknowledged.keySet()),
            "cycle " + cycle + ": listed " + listed + ", acknowledged " + acknowledged.keySet());
        assertTrue(
            listed.stream().allMatch(n -> n.startsWith("crash-")),
            "cycle " + cycle + ": " + listed);
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
          long stored = TestCounterNamespace.of(r.invoker()).get(e.getKey()).get();
          assertTrue(
              stored >= e.getValue(),
              "cycle "
                  + cycle
                  + ", "
                  + e.getKey()
                  + ": acknowledged "
                  + e.getValue()
                  + " but recovered "
                  + stored);
          // Unacknowledged increments may have committed; later cycles start from what is stored.
          e.setValue(stored);
        }
      }
    }
    assertTrue(acknowledged.size() > CrashChild.OBJECTS / 2, "few objects were touched");
  }

  private static void runAndKill(
      Path data, int lines, Map<String, Long> acknowledged, Map<String, Long> recovered)
      throws Exception {
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
    int read = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (read < lines && (line = in.readLine()) != null) {
        String[] parts = line.split(" ");
        long value = Long.parseLong(parts[1]);
        Long before = recovered.get(parts[0]);
        // The restarted child continues from the recovered state, never below it.
        assertTrue(before == null || value > before, line + " after recovering " + before);
        acknowledged.merge(parts[0], value, Math::max);
        read++;
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(lines, read, "the child stopped early");
  }

  @Test
  void storageCacheBytesIsValidatedAndOnlyForADataDirectory() throws Exception {
    IllegalArgumentException small =
        assertThrows(
            IllegalArgumentException.class,
            () -> ObjectRuntime.builder().storageCacheBytes((1 << 20) - 1));
    assertTrue(small.getMessage().contains("storageCacheBytes"), small.getMessage());
    IllegalStateException withEngine =
        assertThrows(
            IllegalStateException.class,
            () ->
                ObjectRuntime.builder()
                    .storage(StorageEngine.inMemory())
                    .storageCacheBytes(8 << 20)
                    .build());
    assertTrue(withEngine.getMessage().contains("storageCacheBytes"), withEngine.getMessage());
    try (ObjectRuntime r =
        onDisk(dir.resolve("cache"), new ManualTimeSource()).storageCacheBytes(1 << 20).build()) {
      assertEquals(1, TestCounterNamespace.of(r.invoker()).get("a").increment(1));
    }
    long byDefault = XodusStorageEngine.defaultCacheBytes();
    assertTrue(
        byDefault >= XodusStorageEngine.MIN_CACHE_BYTES
            && byDefault <= ObjectRuntime.MAX_DEFAULT_STORAGE_CACHE_BYTES
            && byDefault <= Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 8),
        "default " + byDefault);
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
