package dev.duro.samples.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class BudgetGovernorTest {
  private static final long DOLLAR = 1_000_000;

  DuroTestKit kit;
  private BudgetGovernorStub governor;

  @BeforeEach
  void setUp() {
    governor = kit.namespace(BudgetGovernorNamespace::of).get("seo-pipeline");
    // The seed's diagram, plus a disabled processor that gets nothing.
    governor.configure(
        List.of(
            new ProcessorConfig("keyword", 50, 1, ModelTier.STANDARD, true),
            new ProcessorConfig("competitor", 30, 1, ModelTier.PREMIUM, true),
            new ProcessorConfig("backlink", 20, 2, ModelTier.ECONOMY, true),
            new ProcessorConfig("legacy", 40, 0, ModelTier.PREMIUM, false)));
  }

  @Test
  void weightsOfEnabledProcessorsMustSumTo100() {
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () ->
                governor.configure(
                    List.of(new ProcessorConfig("a", 60, 1, ModelTier.ECONOMY, true))));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertTrue(e.getMessage().contains("weights sum to 60"), e.getMessage());
    assertEquals(4, governor.status().processors().size(), "the old configuration stays");
  }

  @Test
  void aCycleSplitsTheBudgetByWeightAndPlansPhaseByPhase() {
    BudgetCycle cycle = governor.startCycle(DOLLAR);
    assertEquals("cycle_" + kit.now().toEpochMilli(), cycle.cycleId());
    assertEquals(
        Map.of(
            "keyword", new BudgetAllocation(500_000, 0, 0, 0, 0),
            "competitor", new BudgetAllocation(300_000, 0, 0, 0, 0),
            "backlink", new BudgetAllocation(200_000, 0, 0, 0, 0)),
        cycle.allocations());
    // 0.30 / 0.03 = 10 items capped at 5; 0.50 / 0.005 = 100 capped at 20; 0.20 / 0.001 = 200
    // capped at 50. Phase 1 first, by id within the phase; the disabled processor not at all.
    assertEquals(
        List.of(
            new Dispatch("competitor", 1, "gpt-4o", 5, false, ""),
            new Dispatch("keyword", 1, "gpt-4o-mini", 20, false, ""),
            new Dispatch("backlink", 2, "gemini-2.0-flash", 50, false, "")),
        governor.plan());
  }

  @Test
  void usageIsTrackedAndAnExhaustedProcessorIsSkipped() {
    governor.startCycle(DOLLAR);
    assertEquals(
        new UsageAck("competitor", 150_000, false),
        governor.reportUsage(new UsageReport("competitor", 150_000, 5, 0, 100)));
    assertEquals(
        new UsageAck("competitor", 30_000, false),
        governor.reportUsage(new UsageReport("competitor", 120_000, 4, 1, 200)));
    BudgetAllocation a =
        governor.status().currentCycle().orElseThrow().allocations().get("competitor");
    assertEquals(9, a.items());
    assertEquals(1, a.errors());
    assertEquals((5 * 100 + 4 * 200) / 9.0, a.avgLatencyMs(), 1e-9);
    // 30,000 left buys one premium call.
    assertEquals(new Dispatch("competitor", 1, "gpt-4o", 1, false, ""), governor.plan().get(0));
    assertEquals(
        new UsageAck("competitor", -5_000, true),
        governor.reportUsage(new UsageReport("competitor", 35_000, 1, 0, 100)));
    assertEquals(
        new Dispatch("competitor", 1, "gpt-4o", 0, true, "budget exhausted"),
        governor.plan().get(0));
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () -> governor.reportUsage(new UsageReport("legacy", 1, 1, 0, 1)));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
  }

  @Test
  void completingACycleArchivesItAndTheHistoryKeepsTheLast50() {
    for (int i = 0; i < 55; i++) {
      governor.startCycle(DOLLAR);
      governor.reportUsage(new UsageReport("keyword", i, 1, 0, 1));
      CycleSummary s = governor.completeCycle();
      assertEquals(i, s.totalSpent());
      assertEquals(kit.now(), s.completedAt());
      kit.advance(Duration.ofMinutes(1));
    }
    kit.evictAll();
    GovernorStatus status = governor.status();
    assertTrue(status.currentCycle().isEmpty());
    assertEquals(BudgetGovernor.HISTORY, status.history().size());
    assertEquals(5, status.history().get(0).totalSpent(), "the oldest five were dropped");
    RemoteFailureException e = assertThrows(RemoteFailureException.class, governor::plan);
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
  }

  @Test
  void concurrentReportsLoseNoCost() throws Exception {
    governor.startCycle(DOLLAR);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  governor.reportUsage(new UsageReport("backlink", 7, 1, 0, 10));
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    BudgetAllocation a =
        governor.status().currentCycle().orElseThrow().allocations().get("backlink");
    assertEquals(new BudgetAllocation(200_000, 5_600, 800, 0, 10), a);
  }
}
