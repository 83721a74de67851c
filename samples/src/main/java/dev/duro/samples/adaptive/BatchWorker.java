package dev.duro.samples.adaptive;

import dev.duro.DurableObject;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data plane of one pipeline, as its {@link AdaptiveController} sees it: a backlog of pending
 * items and {@link #processBatch}, which works through up to a batch of them and reports each
 * item's outcome. Name it after the pipeline; the controller of the same name calls it.
 *
 * <p>This class stands in for the seed's external work (fetch pending items from an API, enrich
 * each with another): processing an item does nothing but succeed or fail as {@link #simulate}
 * says, deterministically, so demos can show a healthy, a degraded and a failing downstream. A real
 * pipeline replaces it with its own object of this namespace, or tests fake it ({@code
 * kit.fake(BatchWorkerNamespace::of, ...)}).
 *
 * <p>Items wait in the object's storage, one entry each, in submission order; a failed item stays
 * at the front and is tried again by the next batch. Batches are idempotent by id: asked again for
 * the last batch (its controller's turn failed after this one committed, and its alarm retried),
 * the worker answers with that batch's results again instead of taking new items.
 */
@DurableObject("adaptive.BatchWorker")
public class BatchWorker {
  private static final String PENDING = "p:";

  @Persist long nextSequence;
  @Persist long pending;
  @Persist long completed;
  @Persist long failedAttempts;
  @Persist long attempts;
  @Persist int failurePercent;
  @Persist long latencyMillis;
  @Persist long lastBatchId;
  @Persist List<ItemResult> lastResults = new ArrayList<>();

  private final ObjectContext ctx;

  public BatchWorker(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Adds {@code items} to the backlog; returns how many items are pending. */
  @Rpc
  public long submit(List<String> items) {
    for (String item : items) {
      nextSequence++;
      ctx.storage()
          .put(
              String.format("%s%019d", PENDING, nextSequence),
              item.getBytes(StandardCharsets.UTF_8));
    }
    pending += items.size();
    return pending;
  }

  /**
   * Processes batch {@code batchId}: up to {@code limit} of the oldest pending items, returning one
   * result per item tried (none if the backlog is empty). A successful item leaves the backlog. If
   * {@code batchId} is the last batch's id, returns that batch's results again and processes
   * nothing.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  @Rpc
  public List<ItemResult> processBatch(long batchId, int limit) {
    if (batchId != 0 && batchId == lastBatchId) {
      return lastResults;
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    List<ItemResult> results = new ArrayList<>();
    for (String key : ctx.storage().list(ListOptions.all().prefix(PENDING).limit(limit)).keySet()) {
      attempts++;
      // Fails exactly failurePercent of attempts, spread evenly: the integer part of
      // attempts * p / 100 steps up on exactly those attempts.
      boolean fails = attempts * failurePercent / 100 > (attempts - 1) * failurePercent / 100;
      if (fails) {
        failedAttempts++;
      } else {
        ctx.storage().delete(key);
        pending--;
        completed++;
      }
      results.add(new ItemResult(!fails, latencyMillis));
    }
    lastBatchId = batchId;
    lastResults = results;
    return results;
  }

  /**
   * Sets the simulated downstream's health: from now on {@code failurePercent} of the attempts fail
   * (evenly spread: 20 fails every fifth), and every item reports {@code latencyMillis}.
   *
   * @throws IllegalArgumentException if {@code failurePercent} is not within [0, 100] or {@code
   *     latencyMillis} is negative
   */
  @Rpc
  public void simulate(int failurePercent, long latencyMillis) {
    if (failurePercent < 0 || failurePercent > 100) {
      throw new IllegalArgumentException(
          "failurePercent must be within [0, 100]: " + failurePercent);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latencyMillis must be >= 0: " + latencyMillis);
    }
    this.failurePercent = failurePercent;
    this.latencyMillis = latencyMillis;
  }

  /** The backlog and the counters. */
  @Rpc
  public WorkerStats stats() {
    return new WorkerStats(pending, completed, failedAttempts, lastBatchId);
  }
}
