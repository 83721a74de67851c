package dev.duro.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber that records what it receives and checks the Reactive Streams rules it can see:
 * onSubscribe once and first, no onNext beyond demand, nothing after a terminal signal, signals
 * never concurrent. Thread-safe; waits time out after 10 s with the state in the message.
 */
public final class RecordingSubscriber<T> implements Flow.Subscriber<T> {
  private final long initialRequest;
  private final List<T> values = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private Flow.@Nullable Subscription subscription;
  private long demand;
  private boolean complete;
  private @Nullable Throwable error;
  private int inSignal;

  /** Requests {@code initialRequest} on subscribe (0: none; Long.MAX_VALUE: unbounded). */
  public RecordingSubscriber(long initialRequest) {
    this.initialRequest = initialRequest;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      if (subscription != null) {
        violations.add("onSubscribe twice");
      }
      subscription = s;
      demand = initialRequest;
      notifyAll();
    }
    if (initialRequest > 0) {
      s.request(initialRequest);
    }
  }

  @Override
  public void onNext(T item) {
    enter("onNext");
    synchronized (this) {
      if (demand == 0) {
        violations.add("onNext beyond demand: " + item);
      } else if (demand != Long.MAX_VALUE) {
        demand--;
      }
      values.add(item);
      notifyAll();
    }
    leave();
  }

  @Override
  public void onError(Throwable t) {
    enter("onError");
    synchronized (this) {
      error = t;
      notifyAll();
    }
    leave();
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    synchronized (this) {
      complete = true;
      notifyAll();
    }
    leave();
  }

  private synchronized void enter(String signal) {
    if (subscription == null) {
      violations.add(signal + " before onSubscribe");
    }
    if (complete || error != null) {
      violations.add(signal + " after a terminal signal");
    }
    if (inSignal++ != 0) {
      violations.add(signal + " concurrent with another signal");
    }
  }

  private synchronized void leave() {
    inSignal--;
  }

  /** Requests {@code n} more. */
  public void request(long n) {
    Flow.Subscription s;
    synchronized (this) {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      s = subscription;
    }
    if (s == null) {
      throw new AssertionError("not subscribed");
    }
    s.request(n);
  }

  /** Cancels the subscription. */
  public void cancel() {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
    }
    if (s == null) {
      throw new AssertionError("not subscribed");
    }
    s.cancel();
  }

  public synchronized List<T> values() {
    return List.copyOf(values);
  }

  public synchronized boolean isComplete() {
    return complete;
  }

  public synchronized @Nullable Throwable error() {
    return error;
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Waits until at least {@code n} values arrived; returns them all. */
  public synchronized List<T> awaitCount(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (values.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " values, have " + state());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(values);
  }

  /** Waits for onComplete or onError; returns the error, or null for onComplete. */
  public synchronized @Nullable Throwable awaitTerminal() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!complete && error == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected a terminal signal, have " + state());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return error;
  }

  /** Waits until subscribed. */
  public synchronized void awaitSubscribed() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (subscription == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("never subscribed");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  public synchronized String state() {
    return values.size()
        + " values "
        + values
        + ", complete="
        + complete
        + ", error="
        + error
        + ", violations="
        + violations;
  }
}
