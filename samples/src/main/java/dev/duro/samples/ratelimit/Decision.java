package dev.duro.samples.ratelimit;

/**
 * The answer of a rate limiter to one request.
 *
 * @param allowed whether the request is within the limit
 * @param remaining how many more requests the limit allows now (0 when rejected)
 * @param retryAfterMillis when rejected, milliseconds until a request may be allowed again; 0 when
 *     allowed
 */
public record Decision(boolean allowed, long remaining, long retryAfterMillis) {}
