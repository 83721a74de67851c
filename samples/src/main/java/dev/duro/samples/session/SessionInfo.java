package dev.duro.samples.session;

import java.time.Instant;
import java.util.Map;

/**
 * A live session.
 *
 * @param userId the user the session belongs to
 * @param createdAt when the session was created
 * @param lastAccessedAt when it was last created, read or updated
 * @param expiresAt when it expires unless touched again: {@code lastAccessedAt} plus its TTL
 * @param data the session's attributes
 */
public record SessionInfo(
    String userId,
    Instant createdAt,
    Instant lastAccessedAt,
    Instant expiresAt,
    Map<String, String> data) {}
