package dev.duro.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} for tests of streaming {@code @Rpc} methods: records the events, the
 * end of the stream, and breaches of the Reactive Streams rules it can see.
 *
 * <pre>{@code
 * TestSubscriber<ChatEvent> ann = TestSubscriber.create();
 * room.join("ann").subscribe(ann);          // the stub's Flow.Publisher
 * room.post("bob", "hi");
 * assertEquals(List.of(new ChatEvent("bob", "hi")), ann.values());
 * ann.cancel();                              // the object's onClose actions run
 * }</pre>
 *
 * <p>On a {@link DuroTestKit} turns and deliveries run on the calling thread, so events of a call
 * are recorded when the call returns; over a real host, use the {@code await} methods. {@link
 * #withDemand} starts with a bounded demand, to test flow control ({@link #request} adds more).
 *
 * <p>Thread-safe. Waits fail with an {@link AssertionError} describing what was received after
 * {@link #timeout} (default 10 s).
 *
 * @param <T> the event type
 */
public final class TestSubscriber<T> implements Flow.Subscriber<T> {
  private final long initialDemand;
  private final List<T> values = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private Flow.@Nullable Subscription subscription;
  private long demand;
  private boolean complete;
  private @Nullable Throwable error;
  private Duration timeout = Duration.ofSeconds(10);

  private TestSubscriber(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  /** A subscriber with unbounded demand. */
  public static <T> TestSubscriber<T> create() {
    return new TestSubscriber<>(Long.MAX_VALUE);
  }

  /**
   * A subscriber that requests {@code n} events on subscription (0: none) and more only through
   * {@link #request}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static <T> TestSubscriber<T> withDemand(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("demand must not be negative, got " + n);
    }
    return new TestSubscriber<>(n);
  }

  /** How long the {@code await} methods wait. */
  public synchronized TestSubscriber<T> timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      if (subscription != null) {
        violations.add("onSubscribe called twice");
        s.cancel();
        return;
      }
      subscription = s;
      demand = initialDemand;
      notifyAll();
    }
    if (initialDemand > 0) {
      s.request(initialDemand);
    }
  }

  @Override
  public synchronized void onNext(T item) {
    check("onNext");
    if (demand == 0) {
      violations.add("onNext beyond demand: " + item);
    } else if (demand != Long.MAX_VALUE) {
      demand--;
    }
    values.add(item);
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable t) {
    check("onError");
    error = t;
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    check("onComplete");
    complete = true;
    notifyAll();
  }

  private void check(String signal) {
    if (subscription == null) {
      violations.add(signal + " before onSubscribe");
    }
    if (complete || error != null) {
      violations.add(signal + " after the stream ended");
    }
  }

  /**
   * Asks for {@code n} more events.
   *
   * @throws IllegalStateException if not subscribed yet
   */
  public void request(long n) {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
      if (s == null) {
        throw new IllegalStateException("not subscribed yet");
      }
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    }
    s.request(n);
  }

  /**
   * Cancels the subscription: the object's sink closes and its close actions run.
   *
   * @throws IllegalStateException if not subscribed yet
   */
  public void cancel() {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
    }
    if (s == null) {
      throw new IllegalStateException("not subscribed yet");
    }
    s.cancel();
  }

  /** The events received so far, in order. */
  public synchronized List<T> values() {
    return List.copyOf(values);
  }

  /** Whether the stream completed normally. */
  public synchronized boolean isComplete() {
    return complete;
  }

  /** The error the stream ended with, or {@code null}. */
  public synchronized @Nullable Throwable error() {
    return error;
  }

  /** Whether the stream ended (completed or failed). */
  public synchronized boolean isTerminated() {
    return complete || error != null;
  }

  /** Breaches of the Reactive Streams rules seen (should be empty). */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Fails unless exactly {@code expected} were received, in order, and no rule was broken. */
  @SafeVarargs
  public final synchronized TestSubscriber<T> assertValues(T... expected) {
    List<T> want = Arrays.asList(expected);
    if (!values.equals(want) || !violations.isEmpty()) {
      throw new AssertionError("expected " + want + " but " + describe());
    }
    return this;
  }

  /** Waits until at least {@code n} events arrived; returns all received. */
  public synchronized List<T> awaitValues(int n) throws InterruptedException {
    await(() -> values.size() >= n, "at least " + n + " events");
    return List.copyOf(values);
  }

  /** Waits until the stream completes normally. */
  public synchronized TestSubscriber<T> awaitCompletion() throws InterruptedException {
    await(() -> complete || error != null, "completion");
    if (error != null) {
      throw new AssertionError("expected completion but " + describe(), error);
    }
    return this;
  }

  /** Waits until the stream fails; returns the error. */
  public synchronized Throwable awaitError() throws InterruptedException {
    await(() -> complete || error != null, "an error");
    if (error == null) {
      throw new AssertionError("expected an error but " + describe());
    }
    return error;
  }

  private void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; " + describe());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private String describe() {
    return "received "
        + values
        + (complete ? ", completed" : "")
        + (error != null ? ", failed with " + error : "")
        + (violations.isEmpty() ? "" : ", rule breaches " + violations);
  }

  @Override
  public synchronized String toString() {
    return "TestSubscriber[" + describe() + "]";
  }
}
