package dev.duro.samples.budget;

import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/** The budget governor demo: the seed's three processors through one cycle of $1.00. */
public final class BudgetDemo {
  private BudgetDemo() {}

  /**
   * Runs the demo through {@code invoker}, printing to {@code out}.
   *
   * @throws IllegalStateException if the governor's accounting is off
   */
  public static void run(Invoker invoker, PrintStream out) {
    BudgetGovernorStub governor =
        BudgetGovernorNamespace.of(invoker).get("pipeline-" + UUID.randomUUID());
    governor.configure(
        List.of(
            new ProcessorConfig("keyword", 50, 1, ModelTier.STANDARD, true),
            new ProcessorConfig("competitor", 30, 1, ModelTier.PREMIUM, true),
            new ProcessorConfig("backlink", 20, 2, ModelTier.ECONOMY, true)));
    BudgetCycle cycle = governor.startCycle(1_000_000);
    out.println("cycle " + cycle.cycleId() + ": $1.00 split 50/30/20");
    for (Dispatch d : governor.plan()) {
      // A stateless worker would run the items; here every item costs exactly its tier's price.
      long cost = d.maxItems() * tierOf(d.model()).costPerCall();
      UsageAck ack =
          governor.reportUsage(new UsageReport(d.processorId(), cost, d.maxItems(), 0, 120));
      out.printf(
          "  phase %d %-10s %-16s %3d items, spent %7d, remaining %7d%n",
          d.phase(), d.processorId(), d.model(), d.maxItems(), cost, ack.remaining());
    }
    CycleSummary summary = governor.completeCycle();
    out.printf("  cycle complete: spent %d of %d micro-dollars%n", summary.totalSpent(), 1_000_000);
    check(summary.totalSpent() == 150_000 + 100_000 + 50_000, "the spend does not add up");
  }

  private static ModelTier tierOf(String model) {
    for (ModelTier t : ModelTier.values()) {
      if (t.model().equals(model)) {
        return t;
      }
    }
    throw new IllegalStateException("unknown model " + model);
  }
}
