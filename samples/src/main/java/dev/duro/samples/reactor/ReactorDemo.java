package dev.duro.samples.reactor;

import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/** The event reactor demo: events in, decisions logged, commands out on the queue. */
public final class ReactorDemo {
  private ReactorDemo() {}

  /**
   * Runs the demo through {@code invoker}, printing to {@code out}.
   *
   * @throws IllegalStateException if the agent's decisions and the queue disagree
   */
  public static void run(Invoker invoker, PrintStream out) {
    String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
    BrandAgentStub agent = BrandAgentNamespace.of(invoker).get(brand);
    CommandQueueStub queue = CommandQueueNamespace.of(invoker).get(BrandAgent.QUEUE);
    out.println("agent " + brand);
    out.println(
        "  research.completed -> "
            + agent.researchCompleted(List.of("trail shoes"), List.of("trail shoes", "insoles"))
            + " commands");
    out.println(
        "  content.published -> " + agent.contentPublished("c-1", "trail shoes") + " commands");
    out.println(
        "  engagement.report 1.2% -> "
            + agent.engagementReport(0.012, List.of("insoles"))
            + " commands");
    agent.pause(); // the hourly cycle would outlive the demo on its data directory
    List<Decision> log = agent.decisions(20);
    for (Decision d : log) {
      out.printf("  decision %s %s: %s%n", d.id(), d.type(), d.reason());
    }
    List<Command> mine = queue.take(1000).stream().filter(c -> c.brandId().equals(brand)).toList();
    for (Command c : mine) {
      out.printf("  queued %s %s %s%n", c.decisionId(), c.type(), c.payload());
    }
    check(
        mine.size() == 4
            && mine.stream()
                .map(Command::decisionId)
                .toList()
                .equals(log.stream().map(Decision::id).toList()),
        "every decision with a command must be queued once");
    out.println("  4 decisions, 4 commands queued");
  }
}
