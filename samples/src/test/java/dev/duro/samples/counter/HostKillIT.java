package dev.duro.samples.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.duro.DuroException;
import dev.duro.grpc.DuroClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability against {@code kill -9}: the host runs in a child JVM, is killed with SIGKILL while
 * clients are incrementing, and is restarted on the same data directory. Every acknowledged
 * increment must be there; an increment whose reply never arrived may or may not be.
 */
class HostKillIT {
  private static final int OBJECTS = 120;
  private static final int CLIENT_THREADS = 8;

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void acknowledgedIncrementsSurviveKill9() throws Exception {
    Path data = dir.resolve("data");
    AtomicLongArray acked = new AtomicLongArray(OBJECTS);
    AtomicLongArray attempted = new AtomicLongArray(OBJECTS);
    Random random = new Random();
    for (int cycle = 0; cycle < 5; cycle++) {
      Host host = startHost(data, cycle);
      try (DuroClient client = DuroClient.connect("localhost:" + host.port)) {
        CounterNamespace counters = CounterNamespace.of(client);
        // What survived the previous kill is the new baseline: in-flight increments resolved.
        for (int i = 0; i < OBJECTS; i++) {
          long value = counters.get("k" + i).get();
          assertTrue(
              value >= acked.get(i) && value <= attempted.get(i),
              "cycle "
                  + cycle
                  + ", object k"
                  + i
                  + ": value "
                  + value
                  + " outside acknowledged "
                  + acked.get(i)
                  + " .. attempted "
                  + attempted.get(i));
          acked.set(i, value);
          attempted.set(i, value);
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
          Thread th =
              new Thread(
                  () -> {
                    while (!stop.get()) {
                      int i = ThreadLocalRandom.current().nextInt(OBJECTS);
                      attempted.incrementAndGet(i);
                      try {
                        counters.get("k" + i).increment(1);
                        acked.incrementAndGet(i);
                      } catch (DuroException e) {
                        return; // the host is gone; this increment's fate is unknown
                      }
                    }
                  });
          th.start();
          clients.add(th);
        }
        Thread.sleep(300 + random.nextInt(700));
        long ackedBeforeKill = sum(acked);
        host.kill9();
        stop.set(true);
        for (Thread th : clients) {
          th.join(TimeUnit.SECONDS.toMillis(60));
          assertTrue(!th.isAlive(), "client thread did not stop");
        }
        assertTrue(ackedBeforeKill > 0, "no increment was acknowledged before the kill");
      }
    }
    Host last = startHost(data, 99);
    try (DuroClient client = DuroClient.connect("localhost:" + last.port)) {
      CounterNamespace counters = CounterNamespace.of(client);
      for (int i = 0; i < OBJECTS; i++) {
        long value = counters.get("k" + i).get();
        assertTrue(
            value >= acked.get(i) && value <= attempted.get(i),
            "object k"
                + i
                + ": value "
                + value
                + " outside "
                + acked.get(i)
                + " .. "
                + attempted.get(i));
      }
    }
    last.kill9();
  }

  @Test
  void alarmSetBeforeKill9FiresAfterRestart() throws Exception {
    Path data = dir.resolve("data");
    Host host = startHost(data, 0);
    try (DuroClient client = DuroClient.connect("localhost:" + host.port)) {
      CounterStub c = CounterNamespace.of(client).get("alarmed");
      c.increment(5);
      c.expireAfter(1_500);
    }
    host.kill9();
    Host restarted = startHost(data, 1);
    try (DuroClient client = DuroClient.connect("localhost:" + restarted.port)) {
      CounterStub c = CounterNamespace.of(client).get("alarmed");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (c.expirations() == 0) {
        if (System.nanoTime() > deadline) {
          fail("the alarm set before the kill did not fire after the restart; count=" + c.get());
        }
        Thread.sleep(50);
      }
      assertEquals(0, c.get());
      assertEquals(1, c.expirations());
    }
    restarted.kill9();
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }

  private Host startHost(Path data, int generation) throws Exception {
    Path portFile = dir.resolve("port-" + generation);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                HostProcess.class.getName(),
                data.toString(),
                portFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("host-" + generation + ".log").toFile());
    Process p = pb.start();
    processes.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        fail("host did not start: " + log(generation));
      }
      Thread.sleep(20);
    }
    int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
    return new Host(p, port);
  }

  private String log(int generation) {
    try {
      return Files.readString(dir.resolve("host-" + generation + ".log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static final class Host {
    final Process process;
    final int port;

    Host(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    /** SIGKILL, exactly as {@code kill -9}: no shutdown hook, no flush. */
    void kill9() throws Exception {
      Process kill =
          new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, process.exitValue());
    }
  }
}
