package dev.duro.testkit;

import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import dev.duro.runtime.AlarmRetryPolicy;
import dev.duro.runtime.ObjectRuntime;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The real Duro runtime, set up for tests: state in memory, commits applied synchronously, turns
 * run on the calling thread, and time from a {@link ManualClock}. Every call has fully run and
 * committed when a blocking stub method returns (and its async future is already complete), and
 * alarms fire only when the test advances the clock. Everything else (activation, turns, rollback
 * of throwing calls, alarm retries with backoff, eviction after the idle timeout) behaves as in
 * production, because it is the production code.
 *
 * <pre>{@code
 * try (DuroTestKit kit = DuroTestKit.create()) {
 *   CounterStub c = kit.namespace(CounterNamespace::of).get("a");
 *   c.increment(5);
 *   kit.advance(Duration.ofMinutes(2)); // fires due alarms before returning
 * }
 * }</pre>
 *
 * <p>Calls may come from several threads: one object still runs one turn at a time, on the thread
 * that found it idle. Each kit is independent; with {@link DuroTest} every test gets its own.
 */
public final class DuroTestKit implements AutoCloseable {
  private final ManualClock clock;
  private final ObjectRuntime runtime;

  private DuroTestKit(Builder b) {
    this.clock = new ManualClock(b.start);
    ObjectRuntime.Builder rb =
        ObjectRuntime.builder()
            .storage(StorageEngine.inMemory())
            .committer(Committer::synchronous)
            .timeSource(clock)
            .turnExecutor(Runnable::run)
            .idleTimeout(b.idleTimeout)
            .alarmRetry(b.alarmRetry);
    if (b.bindings != null) {
      rb.bindings(b.bindings);
    }
    this.runtime = rb.build();
  }

  /** A kit hosting every binding registered with {@link java.util.ServiceLoader}. */
  public static DuroTestKit create() {
    return builder().build();
  }

  /** A kit hosting exactly {@code bindings}. */
  public static DuroTestKit create(ObjectBinding<?>... bindings) {
    return builder().bindings(bindings).build();
  }

  /** A builder for a kit with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A namespace of this kit's objects, made by a generated factory: {@code
   * kit.namespace(CounterNamespace::of)}.
   */
  public <N> N namespace(Function<? super Invoker, ? extends N> factory) {
    return factory.apply(runtime.invoker());
  }

  /** The invoker that delivers calls to this kit's objects. */
  public Invoker invoker() {
    return runtime.invoker();
  }

  /** The kit's clock; its {@link ManualClock#now()} is what objects see as {@code ctx.now()}. */
  public ManualClock clock() {
    return clock;
  }

  /** The current time of the kit's clock. */
  public Instant now() {
    return clock.now();
  }

  /**
   * Moves the clock forward by {@code duration}; alarms (and alarm retries) that become due run, in
   * time order, before this method returns.
   */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Moves the clock forward to {@code time}; due alarms run before this method returns. */
  public void advanceTo(Instant time) {
    clock.advanceTo(time);
  }

  /**
   * Evicts every object that is not in a turn, as the host does after an idle timeout: fields not
   * marked {@code @Persist} are lost, and the next call activates the object again from storage.
   *
   * @return the number of objects evicted
   */
  public int evictAll() {
    return runtime.evictAll();
  }

  /** Number of objects currently activated (in memory). */
  public int activeObjectCount() {
    return runtime.activeObjectCount();
  }

  /** The runtime under the kit, for what the kit does not wrap. */
  public ObjectRuntime runtime() {
    return runtime;
  }

  /** Closes the runtime; later calls fail with {@link dev.duro.TransportException}. Idempotent. */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "DuroTestKit[" + runtime + " at " + clock.now() + "]";
  }

  /** Configures a {@link DuroTestKit}. */
  public static final class Builder {
    private @Nullable List<ObjectBinding<?>> bindings;
    private Instant start = ManualClock.DEFAULT_START;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private AlarmRetryPolicy alarmRetry = AlarmRetryPolicy.defaults();

    private Builder() {}

    /** The objects to host. Default: every binding registered with the ServiceLoader. */
    public Builder bindings(ObjectBinding<?>... bindings) {
      return bindings(Arrays.asList(bindings));
    }

    /** The objects to host. Default: every binding registered with the ServiceLoader. */
    public Builder bindings(Collection<? extends ObjectBinding<?>> bindings) {
      this.bindings = List.copyOf(bindings);
      return this;
    }

    /** Where the clock starts. Default {@link ManualClock#DEFAULT_START}. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * How long an object may stay idle (in clock time) before it is evicted. Default 5 minutes, as
     * in production, so advancing the clock evicts objects as a host would.
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    /** How throwing alarms are retried. Default {@link AlarmRetryPolicy#defaults()}. */
    public Builder alarmRetry(AlarmRetryPolicy alarmRetry) {
      this.alarmRetry = Objects.requireNonNull(alarmRetry, "alarmRetry");
      return this;
    }

    /** Starts the kit. */
    public DuroTestKit build() {
      return new DuroTestKit(this);
    }
  }
}
