package dev.duro.samples.adaptive;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.DuroException;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A self-driving batch processor for one pipeline (seed 002, pattern 1; name it after the
 * pipeline). Its alarm is the heartbeat: each tick it asks the pipeline's {@link BatchWorker} (the
 * one of the same name) to process a batch, records the item results in a rolling window, adapts
 * and sets the next alarm. The worker does the work; the controller only decides how much and when.
 *
 * <p>The adaptation is the seed's, on the success rate over the window: above 95% the batch grows
 * by half (up to the maximum), 80–95% holds, 50–80% halves it (down to the minimum), below 50%
 * drops to the minimum and stretches the interval by half (up to the maximum). After {@code
 * circuitBreakAfter} failed batches in a row (every item failed, or the call to the worker failed)
 * the circuit breaks: minimum batch, interval doubled (up to the maximum), state {@link
 * ControllerState#BACKOFF}. In backoff the controller goes on probing at that pace and recovers
 * (state {@link ControllerState#RUNNING}, interval back to normal) once the rate is above 80%.
 *
 * <p>Where this departs from the seed's code, it is to do what the seed's text says: the seed's
 * alarm returns at once unless running, so its backoff never ends and its recovery branch is dead
 * code; here backoff keeps ticking. A healthy batch (80% and up) resets the interval, where the
 * seed only does so on leaving backoff, so a critical spell that never broke the circuit does not
 * slow the controller forever. A failed call to the worker only counts toward the circuit breaker,
 * where the seed also re-runs the adaptation on the unchanged window, which grows the batch after a
 * failure if the earlier results were good. A latency target ({@link
 * ControllerSettings#slowLatencyMillis()}) is an addition, off by default.
 *
 * <p>A failed call to the worker is the tick's outcome, not an error of the tick: the turn commits
 * and the next tick comes one (backed-off) interval later. If the tick's turn itself fails (its
 * commit fails, say), the runtime retries the alarm with backoff. The retry asks for the same batch
 * id, since the id is only used up by the turn that records its results, so a worker that already
 * processed that batch answers with the same results and nothing is counted twice.
 */
@DurableObject("adaptive.AdaptiveController")
public class AdaptiveController {
  @Persist ControllerSettings settings;
  @Persist ControllerState state;
  @Persist int batchSize;
  @Persist long intervalMillis;
  @Persist List<ItemResult> window = new ArrayList<>();
  @Persist int consecutiveFailures;
  @Persist long batches;
  @Persist long failedCalls;
  @Persist long totalProcessed;
  @Persist long totalErrors;
  @Persist long circuitBreaks;
  @Persist long recoveries;
  @Persist Adaptation lastAdaptation;
  @Persist Instant lastRunAt;
  @Persist String lastError;

  private final ObjectContext ctx;
  private final BatchWorkerNamespace workers;

  public AdaptiveController(ObjectContext ctx) {
    this.ctx = ctx;
    this.workers = ctx.namespace(BatchWorkerNamespace::of);
  }

  /**
   * Starts the heartbeat: a stopped or paused controller runs its next batch one interval from now
   * (a stopped one with the settings' initial batch size and interval). Does nothing to a running
   * controller, nor to one in backoff ({@link #resume} ends a backoff).
   */
  @Rpc
  public ControllerStatus start() {
    ControllerState current = state();
    if (current == ControllerState.STOPPED) {
      batchSize = settings().initialBatchSize();
      intervalMillis = settings().intervalMillis();
    }
    if (current == ControllerState.STOPPED || current == ControllerState.PAUSED) {
      state = ControllerState.RUNNING;
      scheduleNext();
    }
    return status();
  }

  /** Stops the heartbeat, keeping what was learned; {@link #start} or {@link #resume} continue. */
  @Rpc
  public ControllerStatus pause() {
    if (state() == ControllerState.RUNNING || state() == ControllerState.BACKOFF) {
      state = ControllerState.PAUSED;
      ctx.alarm().delete();
    }
    return status();
  }

  /**
   * The operator's override after an outage is fixed: runs a batch now at the normal interval,
   * forgetting the failures (the window and the failed batches in a row) so an old outage does not
   * hold the rate down. Works on a running, backed-off or paused controller; keeps the batch size.
   *
   * @throws IllegalStateException if the controller was never started (use {@link #start})
   */
  @Rpc
  public ControllerStatus resume() {
    if (state() == ControllerState.STOPPED) {
      throw new IllegalStateException("the controller is stopped; start it first");
    }
    state = ControllerState.RUNNING;
    window = new ArrayList<>();
    consecutiveFailures = 0;
    intervalMillis = settings().intervalMillis();
    ctx.alarm().set(ctx.now());
    return status();
  }

  /**
   * Stops the controller and forgets what it learned and counted (the settings stay); batch ids go
   * on from where they were, so the worker never takes a new batch for an old one.
   */
  @Rpc
  public ControllerStatus reset() {
    state = ControllerState.STOPPED;
    batchSize = 0;
    intervalMillis = 0;
    window = new ArrayList<>();
    consecutiveFailures = 0;
    failedCalls = 0;
    totalProcessed = 0;
    totalErrors = 0;
    circuitBreaks = 0;
    recoveries = 0;
    lastAdaptation = Adaptation.NONE;
    lastRunAt = null;
    lastError = null;
    ctx.alarm().delete();
    return status();
  }

  /**
   * Replaces the settings. They apply from the next batch; the current batch size and interval are
   * brought within the new bounds, and the window is cut to the new size.
   *
   * @throws IllegalArgumentException if a setting is out of range (see {@link
   *     ControllerSettings#validate})
   */
  @Rpc
  public ControllerStatus configure(ControllerSettings newSettings) {
    settings = newSettings.validate();
    trimWindow();
    if (state() != ControllerState.STOPPED) {
      batchSize =
          Math.max(newSettings.minBatchSize(), Math.min(batchSize, newSettings.maxBatchSize()));
      intervalMillis = Math.min(intervalMillis, newSettings.maxIntervalMillis());
    }
    return status();
  }

  /** The controller's state, parameters and metrics. */
  @Rpc
  public ControllerStatus status() {
    ControllerState current = state();
    boolean stopped = current == ControllerState.STOPPED;
    return new ControllerStatus(
        current,
        stopped ? settings().initialBatchSize() : batchSize,
        stopped ? settings().intervalMillis() : intervalMillis,
        window.isEmpty() ? 1.0 : (double) successes() / window.size(),
        window.isEmpty() ? 0.0 : (double) latencySum() / window.size(),
        window.size(),
        consecutiveFailures,
        batches,
        failedCalls,
        totalProcessed,
        totalErrors,
        circuitBreaks,
        recoveries,
        lastAdaptation == null ? Adaptation.NONE : lastAdaptation,
        Optional.ofNullable(lastRunAt),
        ctx.alarm().get(),
        Optional.ofNullable(lastError).filter(e -> !e.isEmpty()),
        settings());
  }

  @Alarm
  void tick() {
    if (state() != ControllerState.RUNNING && state() != ControllerState.BACKOFF) {
      return; // pause and reset delete the alarm; nothing should get here
    }
    lastRunAt = ctx.now();
    long batchId = batches + 1;
    List<ItemResult> results;
    try {
      results = worker().processBatch(batchId, batchSize);
    } catch (DuroException e) {
      // The worker threw, was overloaded or unreachable: the whole batch failed. As in the seed,
      // that is an outcome to adapt to, not a reason to fail the tick (whose retries would hammer
      // a struggling worker at the runtime's pace instead of the controller's).
      failedCalls++;
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      consecutiveFailures++;
      lastAdaptation = breaksCircuit() ? breakCircuit() : Adaptation.HOLD;
      scheduleNext();
      return;
    }
    batches = batchId;
    if (results.isEmpty()) {
      lastAdaptation = Adaptation.IDLE;
    } else {
      record(results);
      lastAdaptation = adapt();
    }
    scheduleNext();
  }

  private void record(List<ItemResult> results) {
    long ok = results.stream().filter(ItemResult::success).count();
    totalProcessed += ok;
    totalErrors += results.size() - ok;
    consecutiveFailures = ok == 0 ? consecutiveFailures + 1 : 0;
    window.addAll(results);
    trimWindow();
  }

  private Adaptation adapt() {
    if (breaksCircuit()) {
      return breakCircuit();
    }
    ControllerSettings s = settings();
    long ok = successes();
    long n = window.size();
    // Integer comparisons: 19 successes of 20 are exactly 95%, which holds, as in the seed.
    if (state() == ControllerState.BACKOFF && ok * 100 > 80 * n) {
      state = ControllerState.RUNNING;
      recoveries++;
    }
    boolean slow = s.slowLatencyMillis() > 0 && latencySum() > s.slowLatencyMillis() * n;
    if (ok * 100 >= 80 * n && !slow) {
      intervalMillis = s.intervalMillis();
      if (ok * 100 > 95 * n) {
        batchSize = (int) Math.min((batchSize * 3L + 1) / 2, s.maxBatchSize()); // ceil(1.5 x)
        return Adaptation.GROW;
      }
      return Adaptation.HOLD;
    }
    if (ok * 100 >= 50 * n) {
      batchSize = Math.max(batchSize / 2, s.minBatchSize());
      return Adaptation.SHRINK;
    }
    batchSize = s.minBatchSize();
    intervalMillis = Math.min(intervalMillis + intervalMillis / 2, s.maxIntervalMillis());
    return Adaptation.CRITICAL;
  }

  private boolean breaksCircuit() {
    return consecutiveFailures >= settings().circuitBreakAfter();
  }

  private Adaptation breakCircuit() {
    ControllerSettings s = settings();
    batchSize = s.minBatchSize();
    intervalMillis =
        intervalMillis > s.maxIntervalMillis() / 2 ? s.maxIntervalMillis() : intervalMillis * 2;
    if (state() != ControllerState.BACKOFF) {
      state = ControllerState.BACKOFF;
      circuitBreaks++;
    }
    return Adaptation.CIRCUIT_BREAK;
  }

  private void scheduleNext() {
    ctx.alarm().setIn(Duration.ofMillis(intervalMillis));
  }

  private void trimWindow() {
    int size = settings().windowSize();
    if (window.size() > size) {
      window = new ArrayList<>(window.subList(window.size() - size, window.size()));
    }
  }

  private long successes() {
    return window.stream().filter(ItemResult::success).count();
  }

  private long latencySum() {
    return window.stream().mapToLong(ItemResult::latencyMillis).sum();
  }

  private BatchWorkerStub worker() {
    return workers.get(ctx.id().name().orElse(ctx.id().toString()));
  }

  // A field never committed holds null: a fresh controller is stopped, with the seed's settings.
  private ControllerState state() {
    return state == null ? ControllerState.STOPPED : state;
  }

  private ControllerSettings settings() {
    return settings == null ? ControllerSettings.defaults() : settings;
  }
}
