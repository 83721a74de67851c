/**
 * Rate limiting with one durable object per key (seeds 000, 001, 002): an exact fixed-window
 * counter ({@link dev.duro.samples.ratelimit.RateLimiter}) reached through a client-side {@link
 * dev.duro.samples.ratelimit.RateLimitStore}, and a sliding-window limiter ({@link
 * dev.duro.samples.ratelimit.SlidingWindowRateLimiter}). Runnable demo: {@link
 * dev.duro.samples.ratelimit.RateLimitDemo}.
 */
package dev.duro.samples.ratelimit;
