package dev.duro.samples.session;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One session with a time to live, addressed by its session id (use {@code newUniqueId()} and hand
 * the printed id to the client as its session token).
 *
 * <p>Every read or update touches the session, extending its life to a full TTL from now; an alarm
 * set at the expiry deletes the session's state. A session read after its expiry but before the
 * alarm ran (a busy host) is already treated as gone.
 */
@DurableObject("Session")
public class SessionManager {
  /** The TTL of {@link #create} when none is given. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  @Persist String userId;
  @Persist Instant createdAt;
  @Persist Instant lastAccessedAt;
  @Persist long ttlMillis;
  @Persist Map<String, String> data = new LinkedHashMap<>();
  @Persist long expirations;

  private final ObjectContext ctx;

  public SessionManager(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Starts the session for {@code userId} with {@code data}, replacing any session this object
   * held; {@code ttlMillis} 0 means {@link #DEFAULT_TTL}. Returns the new session.
   *
   * @throws IllegalArgumentException if {@code userId} is empty or {@code ttlMillis} negative
   */
  @Rpc
  public SessionInfo create(String userId, long ttlMillis, Map<String, String> data) {
    if (userId == null || userId.isEmpty()) {
      throw new IllegalArgumentException("userId must not be empty");
    }
    if (ttlMillis < 0) {
      throw new IllegalArgumentException("ttlMillis must not be negative: " + ttlMillis);
    }
    this.userId = userId;
    this.createdAt = ctx.now();
    this.ttlMillis = ttlMillis == 0 ? DEFAULT_TTL.toMillis() : ttlMillis;
    this.data = new LinkedHashMap<>(data);
    return touch();
  }

  /** The session, touched (its expiry extended); empty if there is none or it expired. */
  @Rpc
  public Optional<SessionInfo> get() {
    return live() ? Optional.of(touch()) : Optional.empty();
  }

  /** The session without touching it; empty if there is none or it expired. */
  @Rpc
  public Optional<SessionInfo> peek() {
    return live() ? Optional.of(info()) : Optional.empty();
  }

  /**
   * Merges {@code updates} into the session's data and touches it; returns the session, or empty
   * (and changes nothing) if there is none.
   */
  @Rpc
  public Optional<SessionInfo> update(Map<String, String> updates) {
    if (!live()) {
      return Optional.empty();
    }
    data.putAll(updates);
    return Optional.of(touch());
  }

  /** Ends the session now; returns whether there was a live one. */
  @Rpc
  public boolean destroy() {
    boolean wasLive = live();
    clear();
    ctx.alarm().delete();
    return wasLive;
  }

  /** How many times a session of this object expired (ended by the alarm). */
  @Rpc
  public long expirations() {
    return expirations;
  }

  @Alarm
  void expire() {
    if (userId == null) {
      return;
    }
    Instant expiresAt = lastAccessedAt.plusMillis(ttlMillis);
    if (ctx.now().isBefore(expiresAt)) {
      ctx.alarm().set(expiresAt); // touched since the alarm was set: not expired yet
      return;
    }
    clear();
    expirations++;
  }

  private boolean live() {
    return userId != null && ctx.now().isBefore(lastAccessedAt.plusMillis(ttlMillis));
  }

  private SessionInfo touch() {
    lastAccessedAt = ctx.now();
    ctx.alarm().set(lastAccessedAt.plusMillis(ttlMillis));
    return info();
  }

  private SessionInfo info() {
    return new SessionInfo(
        userId, createdAt, lastAccessedAt, lastAccessedAt.plusMillis(ttlMillis), Map.copyOf(data));
  }

  private void clear() {
    userId = null;
    createdAt = null;
    lastAccessedAt = null;
    ttlMillis = 0;
    data = new LinkedHashMap<>();
  }
}
