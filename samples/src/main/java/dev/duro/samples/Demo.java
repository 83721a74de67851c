package dev.duro.samples;

import dev.duro.binding.Invoker;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import dev.duro.samples.adaptive.AdaptiveDemo;
import dev.duro.samples.aggregator.AggregatorDemo;
import dev.duro.samples.bank.BankDemo;
import dev.duro.samples.budget.BudgetDemo;
import dev.duro.samples.cache.CacheDemo;
import dev.duro.samples.chat.ChatDemo;
import dev.duro.samples.circuitbreaker.CircuitBreakerDemo;
import dev.duro.samples.featureflags.FeatureFlagDemo;
import dev.duro.samples.leader.LeaderElectionDemo;
import dev.duro.samples.ratelimit.RateLimitDemo;
import dev.duro.samples.reactor.ReactorDemo;
import dev.duro.samples.session.SessionDemo;
import dev.duro.samples.sidecar.SidecarDemo;
import dev.duro.samples.workflow.WorkflowDemo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one demo entry point of the samples: lists them, or runs one (or all) against an embedded
 * {@link DuroHost} on a data directory, called through a real {@link DuroClient} on loopback.
 *
 * <p>Usage: {@code Demo [list]} lists the samples; {@code Demo <sample> [dataDirectory]} runs one;
 * {@code Demo all [dataDirectory]} runs every one in turn. The default data directory is {@code
 * target/demo-data}; state stays there between runs (the counter continues its count). Exits 0 on
 * success, 1 if a demo fails, 2 on a bad argument.
 */
public final class Demo {
  /** A sample's demo that calls objects through an invoker. */
  @FunctionalInterface
  private interface InvokerDemo {
    void run(Invoker invoker, PrintStream out) throws InterruptedException;
  }

  /** A sample's demo that runs its own host on a data directory. */
  @FunctionalInterface
  private interface HostDemo {
    void run(Path dataDirectory, PrintStream out) throws InterruptedException;
  }

  /** A sample: its own host ({@code hostDemo}) or calls through an invoker ({@code demo}). */
  private record Sample(String description, HostDemo hostDemo, InvokerDemo demo) {}

  private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(
        "counter",
        new Sample(
            "a durable counter with an expiry alarm (DESIGN.md)",
            (dir, out) -> dev.duro.samples.counter.Main.run(dir, out),
            null));
    add("ratelimit", "exact fixed-window and sliding-window rate limits", RateLimitDemo::run);
    add("circuitbreaker", "a circuit breaker per upstream", CircuitBreakerDemo::run);
    add("aggregator", "a counter buffering increments, flushed by an alarm", AggregatorDemo::run);
    add("session", "sessions with TTL, touch to extend, alarm expiry", SessionDemo::run);
    add("featureflags", "feature flags with percentage rollout", FeatureFlagDemo::run);
    add("leader", "leader election with leases and heartbeats", LeaderElectionDemo::run);
    add("workflow", "workflow checkpoints: create, next, complete, resume", WorkflowDemo::run);
    add("bank", "accounts with a transactional debit and saga transfers", BankDemo::run);
    add("cache", "a cache coordinator with tag invalidation", CacheDemo::run);
    add("budget", "a budget governor allocating a cycle by weight", BudgetDemo::run);
    add("reactor", "an event reactor logging decisions, emitting commands", ReactorDemo::run);
    add("adaptive", "a batch controller adapting to its worker's health", AdaptiveDemo::run);
    add("sidecar", "a storage sidecar: a workflow's state, resumed and expired", SidecarDemo::run);
    add("chat", "a chat room streaming events to its members", ChatDemo::run);
  }

  private Demo() {}

  private static void add(String name, String description, InvokerDemo demo) {
    SAMPLES.put(name, new Sample(description, null, demo));
  }

  /** Runs the demo named by {@code args[0]} on the data directory {@code args[1]}; see above. */
  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("list")) {
      list(System.out);
      return;
    }
    String sample = args[0];
    if (!sample.equals("all") && !SAMPLES.containsKey(sample)) {
      System.err.println("unknown sample: " + sample);
      list(System.err);
      System.exit(2);
    }
    Path dir = Path.of(args.length > 1 ? args[1] : "target/demo-data");
    try {
      run(sample, dir, System.out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** The samples' names, in the order {@code list} prints them, with one line on each. */
  public static Map<String, String> samples() {
    Map<String, String> names = new LinkedHashMap<>();
    SAMPLES.forEach((name, s) -> names.put(name, s.description()));
    return names;
  }

  /** Prints the usage and the samples to {@code out}. */
  public static void list(PrintStream out) {
    out.println("usage: Demo <sample>|all [dataDirectory]   (default target/demo-data)");
    SAMPLES.forEach((name, s) -> out.printf("  %-15s %s%n", name, s.description()));
  }

  /**
   * Runs the demo of {@code sample} ({@code "all"} for every one, in turn) with its state in {@code
   * dataDirectory}, printing to {@code out}.
   *
   * @throws IllegalArgumentException if there is no such sample
   * @throws IllegalStateException if a demo saw an object misbehave
   */
  public static void run(String sample, Path dataDirectory, PrintStream out)
      throws InterruptedException {
    if (sample.equals("all")) {
      runAll(dataDirectory, out);
      return;
    }
    Sample s = SAMPLES.get(sample);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown sample " + sample + "; one of " + SAMPLES.keySet());
    }
    if (s.hostDemo() != null) {
      s.hostDemo().run(dataDirectory, out);
      return;
    }
    try (DuroHost host = startHost(dataDirectory, out);
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      s.demo().run(client, out);
    }
  }

  private static void runAll(Path dataDirectory, PrintStream out) throws InterruptedException {
    // Demos with their own host run first: a data directory is open in one host at a time.
    for (Map.Entry<String, Sample> e : SAMPLES.entrySet()) {
      if (e.getValue().hostDemo() != null) {
        out.println("== " + e.getKey());
        e.getValue().hostDemo().run(dataDirectory, out);
      }
    }
    try (DuroHost host = startHost(dataDirectory, out);
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      for (Map.Entry<String, Sample> e : SAMPLES.entrySet()) {
        if (e.getValue().demo() != null) {
          out.println("== " + e.getKey());
          e.getValue().demo().run(client, out);
        }
      }
    }
  }

  private static DuroHost startHost(Path dataDirectory, PrintStream out) {
    DuroHost host = DuroHost.builder().dataDirectory(dataDirectory).port(0).build().start();
    out.printf("Duro host on port %d, data in %s%n", host.port(), dataDirectory.toAbsolutePath());
    return host;
  }
}
