package dev.duro.samples.adaptive;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of an {@link AdaptiveController}: its learned parameters, its metrics and its counters
 * (the seed's {@code /status}).
 *
 * @param state where the controller is
 * @param batchSize how many items the next batch asks for
 * @param intervalMillis the time from one batch to the next, in milliseconds
 * @param successRate the share of successes among the results in the window (1.0 when empty)
 * @param avgLatencyMillis the average latency of the results in the window (0 when empty)
 * @param windowResults how many results the window holds (at most {@code settings.windowSize()})
 * @param consecutiveFailures failed batches in a row since the last one with a success
 * @param batches batches the worker reported on (the last batch id used)
 * @param failedCalls batches whose call to the worker failed as a whole
 * @param totalProcessed items processed successfully
 * @param totalErrors items that failed
 * @param circuitBreaks how many times the circuit broke (entered {@link ControllerState#BACKOFF})
 * @param recoveries how many times the controller left backoff on its own
 * @param lastAdaptation what the last batch decided
 * @param lastRunAt when the last batch ran, if one did
 * @param nextRunAt when the next batch is due, if one is scheduled
 * @param lastError the last failure of a call to the worker, if any
 * @param settings the settings in force
 */
public record ControllerStatus(
    ControllerState state,
    int batchSize,
    long intervalMillis,
    double successRate,
    double avgLatencyMillis,
    int windowResults,
    int consecutiveFailures,
    long batches,
    long failedCalls,
    long totalProcessed,
    long totalErrors,
    long circuitBreaks,
    long recoveries,
    Adaptation lastAdaptation,
    Optional<Instant> lastRunAt,
    Optional<Instant> nextRunAt,
    Optional<String> lastError,
    ControllerSettings settings) {}
