package dev.duro.samples.circuitbreaker;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one upstream, shared by every caller of that upstream (seed 000: "a single
 * DO instance per upstream can track failure counts and circuit state"). Name the object after the
 * upstream.
 *
 * <p>Closed: calls go through and consecutive failures are counted; {@link
 * BreakerSettings#failureThreshold()} of them open the breaker. Open: calls are refused; an alarm
 * moves the breaker to half-open after {@link BreakerSettings#openMillis()}, with no caller needed
 * to notice. Half-open: up to {@link BreakerSettings#halfOpenTrials()} trial calls go through at
 * once; {@link BreakerSettings#successThreshold()} successes close the breaker, one failure opens
 * it again. Trials whose callers never report (they crashed) are given up {@code openMillis} after
 * the last trial was granted, again by the alarm, so the breaker cannot stay stuck half-open.
 *
 * <p>Because every transition is a turn, callers never see a half-made transition, and no two
 * callers both win the last trial slot.
 */
@DurableObject("CircuitBreaker")
public class CircuitBreaker {
  @Persist BreakerSettings settings;
  // Null until the first transition is committed: a fresh breaker is CLOSED; state() maps it.
  @Persist CircuitState state;
  @Persist int consecutiveFailures;
  @Persist int trialsInFlight;
  @Persist int trialSuccesses;
  @Persist Instant openedAt;
  @Persist long timesOpened;

  private final ObjectContext ctx;

  public CircuitBreaker(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Replaces the settings (default {@link BreakerSettings#defaults()}); the state is kept.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  @Rpc
  public void configure(BreakerSettings settings) {
    this.settings = settings.validate();
  }

  /** The settings in force. */
  @Rpc
  public BreakerSettings settings() {
    return current();
  }

  /** Asks to call the upstream; an allowed caller must report the result. */
  @Rpc
  public Permit acquire() {
    CircuitState state = state();
    switch (state) {
      case CLOSED:
        return new Permit(true, state, 0);
      case OPEN:
        return new Permit(false, state, millisUntilAlarm());
      case HALF_OPEN:
        if (trialsInFlight < current().halfOpenTrials()) {
          trialsInFlight++;
          // The alarm doubles as the trial timeout: see trialTimedOut.
          ctx.alarm().setIn(Duration.ofMillis(current().openMillis()));
          return new Permit(true, state, 0);
        }
        return new Permit(false, state, millisUntilAlarm());
    }
    throw new AssertionError(state);
  }

  /** Reports a successful upstream call; returns the breaker's status after it. */
  @Rpc
  public BreakerStatus recordSuccess() {
    switch (state()) {
      case CLOSED:
        consecutiveFailures = 0;
        break;
      case HALF_OPEN:
        trialsInFlight = Math.max(0, trialsInFlight - 1);
        if (++trialSuccesses >= current().successThreshold()) {
          close();
        }
        break;
      case OPEN:
        // A call allowed before the breaker opened; it says nothing about the upstream now.
        break;
    }
    return status();
  }

  /** Reports a failed upstream call; returns the breaker's status after it. */
  @Rpc
  public BreakerStatus recordFailure() {
    switch (state()) {
      case CLOSED:
        if (++consecutiveFailures >= current().failureThreshold()) {
          open();
        }
        break;
      case HALF_OPEN:
        open();
        break;
      case OPEN:
        break;
    }
    return status();
  }

  /** Forces the breaker closed, as an operator would after fixing the upstream. */
  @Rpc
  public void reset() {
    close();
  }

  /** The current state and counters. */
  @Rpc
  public BreakerStatus status() {
    return new BreakerStatus(
        state(),
        consecutiveFailures,
        trialsInFlight,
        trialSuccesses,
        openedAt == null ? Instant.EPOCH : openedAt,
        timesOpened);
  }

  @Alarm
  void openPeriodOver() {
    if (state() == CircuitState.OPEN) {
      state = CircuitState.HALF_OPEN;
      trialsInFlight = 0;
      trialSuccesses = 0;
    } else if (state() == CircuitState.HALF_OPEN && trialsInFlight > 0) {
      // Trials granted openMillis ago were never reported: free their slots for new callers.
      trialsInFlight = 0;
    }
  }

  private void open() {
    state = CircuitState.OPEN;
    openedAt = ctx.now();
    timesOpened++;
    trialsInFlight = 0;
    trialSuccesses = 0;
    ctx.alarm().setIn(Duration.ofMillis(current().openMillis()));
  }

  private void close() {
    state = CircuitState.CLOSED;
    consecutiveFailures = 0;
    trialsInFlight = 0;
    trialSuccesses = 0;
    ctx.alarm().delete();
  }

  private long millisUntilAlarm() {
    return ctx.alarm()
        .get()
        .map(t -> Math.max(0, Duration.between(ctx.now(), t).toMillis()))
        .orElse(0L);
  }

  private CircuitState state() {
    return state == null ? CircuitState.CLOSED : state;
  }

  private BreakerSettings current() {
    return settings == null ? BreakerSettings.defaults() : settings;
  }
}
