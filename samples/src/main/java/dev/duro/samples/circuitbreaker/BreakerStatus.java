package dev.duro.samples.circuitbreaker;

import java.time.Instant;

/**
 * A snapshot of a {@link CircuitBreaker}, for dashboards and tests.
 *
 * @param state the current state
 * @param consecutiveFailures failures since the last success while closed
 * @param trialsInFlight trial calls granted and not yet reported while half-open
 * @param trialSuccesses successful trials since the breaker became half-open
 * @param openedAt when the breaker last opened ({@link Instant#EPOCH} if never)
 * @param timesOpened how many times the breaker has opened
 */
public record BreakerStatus(
    CircuitState state,
    int consecutiveFailures,
    int trialsInFlight,
    int trialSuccesses,
    Instant openedAt,
    long timesOpened) {}
