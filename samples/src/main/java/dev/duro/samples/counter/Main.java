package dev.duro.samples.counter;

import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo: starts a host on an embedded data directory, then calls it through a real gRPC client
 * on loopback. It increments a named counter (the count continues across runs, from disk), reads it
 * back, and shows an alarm firing. Exits 0 on success.
 *
 * <p>Usage: {@code Main [dataDirectory]}; the default is {@code target/demo-data}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/demo-data");
    run(dir, System.out);
  }

  /** Runs the demo on {@code dataDirectory}; returns the count of the "global" counter. */
  public static long run(Path dataDirectory, PrintStream out) throws InterruptedException {
    try (DuroHost host = DuroHost.builder().dataDirectory(dataDirectory).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      out.printf("Duro host on port %d, data in %s%n", host.port(), dataDirectory.toAbsolutePath());
      CounterNamespace counters = CounterNamespace.of(client);

      CounterStub global = counters.get("global");
      long before = global.get();
      long after = global.increment(1);
      out.printf("counter 'global' (id %s): %d -> %d%n", global.id(), before, after);
      long readBack = global.async().get().join();
      out.printf("read back: %d%n", readBack);
      if (readBack != after) {
        throw new IllegalStateException("read back " + readBack + ", expected " + after);
      }

      CounterStub ephemeral = counters.get(counters.newUniqueId());
      ephemeral.increment(41);
      ephemeral.increment(1);
      ephemeral.expireAfter(300);
      out.printf("counter %s: %d, expires in 300 ms%n", ephemeral.id(), ephemeral.get());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (ephemeral.expirations() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the alarm did not fire within 10 s");
        }
        Thread.sleep(50);
      }
      out.printf("alarm fired: counter %s is now %d%n", ephemeral.id(), ephemeral.get());

      try {
        ephemeral.decrement(1);
      } catch (dev.duro.RemoteFailureException e) {
        out.printf(
            "decrement below zero failed as expected (%s); count still %d%n",
            e.getMessage(), ephemeral.get());
      }
      return readBack;
    }
  }
}
