package dev.duro.samples.leader;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Elects one leader among the workers of a group (one object per group name): "the DO is the
 * leader, no election needed" (seed 002). Candidates call {@link #acquire}; the winner holds a
 * lease of {@code ttlMillis} that each {@link #heartbeat} extends; a leader that stops sending
 * heartbeats loses the lease when it expires, and the alarm set at the expiry clears it so the
 * group shows no leader until a candidate acquires it. An expired lease is never honoured, even if
 * the alarm has not run yet.
 *
 * <p>Each new leadership gets a larger {@link Leadership#term()}, usable as a fencing token.
 */
@DurableObject("LeaderElection")
public class LeaderElection {
  @Persist String leaderId;
  @Persist Instant acquiredAt;
  @Persist Instant lastHeartbeatAt;
  @Persist long ttlMillis;
  @Persist long term;
  @Persist long expirations;

  private final ObjectContext ctx;

  public LeaderElection(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Asks for {@code candidateId} to lead with a lease of {@code ttlMillis}. The current leader
   * asking again renews its lease (and keeps its term).
   *
   * @throws IllegalArgumentException if {@code candidateId} is empty or {@code ttlMillis} not
   *     positive
   */
  @Rpc
  public Acquisition acquire(String candidateId, long ttlMillis) {
    if (candidateId == null || candidateId.isEmpty()) {
      throw new IllegalArgumentException("candidateId must not be empty");
    }
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttlMillis must be positive: " + ttlMillis);
    }
    Instant now = ctx.now();
    if (leads()) {
      if (leaderId.equals(candidateId)) {
        this.ttlMillis = ttlMillis;
        extend(now);
        return new Acquisition(true, true, leaderId, term, 0);
      }
      long retry = Duration.between(now, expiresAt()).toMillis();
      return new Acquisition(false, false, leaderId, term, retry);
    }
    leaderId = candidateId;
    acquiredAt = now;
    this.ttlMillis = ttlMillis;
    term++;
    extend(now);
    return new Acquisition(true, false, leaderId, term, 0);
  }

  /**
   * Extends {@code leaderId}'s lease by a full TTL from now; returns the leadership, or empty if
   * {@code leaderId} is not the leader (any more): it must stop acting as leader.
   */
  @Rpc
  public Optional<Leadership> heartbeat(String leaderId) {
    if (!leads() || !this.leaderId.equals(leaderId)) {
      return Optional.empty();
    }
    extend(ctx.now());
    return Optional.of(leadership());
  }

  /** Gives up {@code leaderId}'s leadership; returns whether it was the leader. */
  @Rpc
  public boolean release(String leaderId) {
    if (!leads() || !this.leaderId.equals(leaderId)) {
      return false;
    }
    clear();
    ctx.alarm().delete();
    return true;
  }

  /** The current leader, if any. */
  @Rpc
  public Optional<Leadership> leader() {
    return leads() ? Optional.of(leadership()) : Optional.empty();
  }

  /** How many leases expired without a heartbeat (cleared by the alarm). */
  @Rpc
  public long expirations() {
    return expirations;
  }

  @Alarm
  void checkExpiry() {
    if (leaderId == null) {
      return;
    }
    if (ctx.now().isBefore(expiresAt())) {
      ctx.alarm().set(expiresAt());
      return;
    }
    clear();
    expirations++;
  }

  private boolean leads() {
    return leaderId != null && ctx.now().isBefore(expiresAt());
  }

  private void extend(Instant now) {
    lastHeartbeatAt = now;
    ctx.alarm().set(expiresAt());
  }

  private Instant expiresAt() {
    return lastHeartbeatAt.plusMillis(ttlMillis);
  }

  private Leadership leadership() {
    return new Leadership(leaderId, term, acquiredAt, expiresAt());
  }

  private void clear() {
    leaderId = null;
    acquiredAt = null;
    lastHeartbeatAt = null;
    ttlMillis = 0;
  }
}
