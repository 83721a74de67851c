package dev.duro.samples.adaptive;

/**
 * A snapshot of a {@link BatchWorker}.
 *
 * @param pending items waiting (failed items wait again)
 * @param completed items processed successfully
 * @param failedAttempts attempts that failed
 * @param lastBatchId the id of the last batch processed (0 if none)
 */
public record WorkerStats(long pending, long completed, long failedAttempts, long lastBatchId) {}
