package dev.duro.samples.budget;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource allocator for competing processors (seed 002, pattern 3); one object per budget (name
 * it after the pipeline). Budgets are in micro-units (millionths of a dollar), so the arithmetic is
 * exact.
 *
 * <p>The governor decides, it never does the work: {@link #startCycle} splits a total budget by
 * weight; {@link #plan} tells each processor, phase by phase, which model to use and how many items
 * it may run (its remaining budget over its tier's cost per call, capped by the tier's
 * concurrency), skipping those whose budget is spent; processors {@link #reportUsage} what they
 * spent; {@link #completeCycle} archives the cycle. Each of these is one turn, so concurrent
 * reports never lose a cost.
 */
@DurableObject("budget.BudgetGovernor")
public class BudgetGovernor {
  /** How many completed cycles the history keeps. */
  public static final int HISTORY = 50;

  @Persist List<ProcessorConfig> processors = new ArrayList<>();
  // Null between cycles.
  @Persist BudgetCycle currentCycle;
  @Persist List<CycleSummary> history = new ArrayList<>();

  private final ObjectContext ctx;

  public BudgetGovernor(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Replaces the processors; the cycle in progress keeps its allocations.
   *
   * @throws IllegalArgumentException if the enabled processors' weights do not sum to 100, a weight
   *     is negative, or two processors share an id
   */
  @Rpc
  public void configure(List<ProcessorConfig> processors) {
    int total = 0;
    HashSet<String> ids = new HashSet<>();
    for (ProcessorConfig p : processors) {
      if (p.weightPercent() < 0 || !ids.add(p.id())) {
        throw new IllegalArgumentException("bad processor " + p);
      }
      if (p.enabled()) {
        total += p.weightPercent();
      }
    }
    if (total != 100) {
      throw new IllegalArgumentException("weights sum to " + total + ", must equal 100");
    }
    this.processors = new ArrayList<>(processors);
  }

  /**
   * Starts a cycle of {@code totalBudget} micro-units, allocated to the enabled processors by
   * weight, replacing a cycle in progress (as the seed does); returns it.
   *
   * @throws IllegalArgumentException if the budget is negative
   * @throws IllegalStateException if no processor is configured
   */
  @Rpc
  public BudgetCycle startCycle(long totalBudget) {
    if (totalBudget < 0) {
      throw new IllegalArgumentException("negative budget " + totalBudget);
    }
    if (processors.isEmpty()) {
      throw new IllegalStateException("configure the processors first");
    }
    Map<String, BudgetAllocation> allocations = new LinkedHashMap<>();
    for (ProcessorConfig p : processors) {
      if (p.enabled()) {
        long allocated = Math.multiplyExact(totalBudget, (long) p.weightPercent()) / 100;
        allocations.put(p.id(), new BudgetAllocation(allocated, 0, 0, 0, 0));
      }
    }
    currentCycle =
        new BudgetCycle("cycle_" + ctx.now().toEpochMilli(), totalBudget, ctx.now(), allocations);
    return currentCycle;
  }

  /**
   * The current cycle's dispatches, in phase order (by id within a phase; processors of one phase
   * may run in parallel).
   *
   * @throws IllegalStateException if no cycle is in progress
   */
  @Rpc
  public List<Dispatch> plan() {
    BudgetCycle cycle = cycle();
    List<Dispatch> plan = new ArrayList<>();
    List<ProcessorConfig> ordered = new ArrayList<>(processors);
    ordered.sort(
        Comparator.comparingInt(ProcessorConfig::phase).thenComparing(ProcessorConfig::id));
    for (ProcessorConfig p : ordered) {
      BudgetAllocation a = cycle.allocations().get(p.id());
      if (!p.enabled() || a == null) {
        continue;
      }
      ModelTier tier = p.tier();
      if (a.remaining() < tier.costPerCall()) {
        plan.add(new Dispatch(p.id(), p.phase(), tier.model(), 0, true, "budget exhausted"));
      } else {
        long items = Math.min(a.remaining() / tier.costPerCall(), tier.maxConcurrency());
        plan.add(new Dispatch(p.id(), p.phase(), tier.model(), items, false, ""));
      }
    }
    return plan;
  }

  /**
   * Adds a processor's usage to its allocation; the latency is averaged over all its items.
   *
   * @throws IllegalStateException if no cycle is in progress
   * @throws IllegalArgumentException if the processor has no allocation in the cycle, or a count is
   *     negative
   */
  @Rpc
  public UsageAck reportUsage(UsageReport report) {
    BudgetCycle cycle = cycle();
    BudgetAllocation a = cycle.allocations().get(report.processorId());
    if (a == null) {
      throw new IllegalArgumentException("unknown processor " + report.processorId());
    }
    if (report.cost() < 0 || report.items() < 0 || report.errors() < 0) {
      throw new IllegalArgumentException("negative usage " + report);
    }
    long items = a.items() + report.items();
    double latency =
        items == 0
            ? a.avgLatencyMs()
            : (a.avgLatencyMs() * a.items() + report.avgLatencyMs() * report.items()) / items;
    BudgetAllocation updated =
        new BudgetAllocation(
            a.allocated(), a.spent() + report.cost(), items, a.errors() + report.errors(), latency);
    Map<String, BudgetAllocation> allocations = new LinkedHashMap<>(cycle.allocations());
    allocations.put(report.processorId(), updated);
    currentCycle =
        new BudgetCycle(cycle.cycleId(), cycle.totalBudget(), cycle.startedAt(), allocations);
    return new UsageAck(report.processorId(), updated.remaining(), updated.remaining() < 0);
  }

  /**
   * Ends the current cycle and archives it (keeping the last {@value #HISTORY}); returns its
   * summary.
   *
   * @throws IllegalStateException if no cycle is in progress
   */
  @Rpc
  public CycleSummary completeCycle() {
    BudgetCycle cycle = cycle();
    long spent = cycle.allocations().values().stream().mapToLong(BudgetAllocation::spent).sum();
    CycleSummary summary = new CycleSummary(cycle.cycleId(), cycle.totalBudget(), spent, ctx.now());
    history.add(summary);
    if (history.size() > HISTORY) {
      history = new ArrayList<>(history.subList(history.size() - HISTORY, history.size()));
    }
    currentCycle = null;
    return summary;
  }

  /** The configuration, the cycle in progress and the history. */
  @Rpc
  public GovernorStatus status() {
    return new GovernorStatus(processors, Optional.ofNullable(currentCycle), history);
  }

  private BudgetCycle cycle() {
    if (currentCycle == null) {
      throw new IllegalStateException("no active cycle");
    }
    return currentCycle;
  }
}
