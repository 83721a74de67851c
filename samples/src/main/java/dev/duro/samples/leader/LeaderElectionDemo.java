package dev.duro.samples.leader;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/** The leader-election demo: two workers compete; the leader stops its heartbeat and loses. */
public final class LeaderElectionDemo {
  private LeaderElectionDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about half a second, waiting for a lease to expire.
   *
   * @throws IllegalStateException if the election does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    LeaderElectionStub group =
        LeaderElectionNamespace.of(invoker).get("indexers-" + UUID.randomUUID());
    Acquisition a = group.acquire("worker-a", 500);
    Acquisition b = group.acquire("worker-b", 500);
    out.printf("worker-a: %s%nworker-b: %s%n", a, b);
    check(a.acquired() && !b.acquired(), "two leaders or none");
    out.println("worker-a heartbeat: " + group.heartbeat("worker-a").orElseThrow());
    out.println("worker-a stops sending heartbeats...");
    await("the lease expiry", Duration.ofSeconds(10), () -> group.expirations() == 1);
    out.println("alarm cleared the expired lease: leader = " + group.leader());
    Acquisition b2 = group.acquire("worker-b", 500);
    out.println("worker-b: " + b2);
    check(b2.acquired() && b2.term() == a.term() + 1, "worker-b did not take over: " + b2);
    check(group.heartbeat("worker-a").isEmpty(), "the old leader's heartbeat was accepted");
    out.println("worker-a heartbeat refused: it must stop acting as leader");
  }
}
