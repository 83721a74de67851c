package dev.duro.samples.leader;

import java.time.Instant;

/**
 * The current leader of a group.
 *
 * @param leaderId the leader's candidate id
 * @param term the fencing token of this leadership: it grows by one each time leadership changes
 *     hands (or is taken again after a release or an expiry), so a resource can refuse writes from
 *     a former leader that still believes it leads
 * @param acquiredAt when this leadership began
 * @param expiresAt when it ends unless the leader sends a heartbeat first
 */
public record Leadership(String leaderId, long term, Instant acquiredAt, Instant expiresAt) {}
