package dev.duro.samples.leader;

/**
 * The answer to a candidate that asked to lead.
 *
 * @param acquired whether the candidate is the leader now
 * @param renewed whether it already was (its lease was extended)
 * @param leaderId the leader after this call (the candidate, or whoever holds the lease)
 * @param term the leader's fencing token (see {@link Leadership#term()})
 * @param retryAfterMillis when refused, milliseconds until the current lease expires; 0 otherwise
 */
public record Acquisition(
    boolean acquired, boolean renewed, String leaderId, long term, long retryAfterMillis) {}
