package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;

/** Helpers for generated stubs and invokers. */
public final class Calls {
  private Calls() {}

  /**
   * Waits for {@code reply} and returns its value, rethrowing a {@link DuroException} failure as
   * is. An interrupt while waiting fails with a {@link TransportException} and keeps the thread's
   * interrupt flag set.
   */
  public static byte[] join(CompletableFuture<byte[]> reply) {
    try {
      return reply.get();
    } catch (ExecutionException e) {
      throw asDuroException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("Interrupted while waiting for the reply", e);
    } catch (CancellationException e) {
      throw new TransportException("Call cancelled", e);
    }
  }

  /** {@code t} itself if a {@link DuroException}, unwrapped if a {@link CompletionException}. */
  public static DuroException asDuroException(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof DuroException) {
      return (DuroException) t;
    }
    return new TransportException("Call failed: " + t, t);
  }

  /**
   * An invoker that sends each call through {@code invoker} with a deadline {@code timeout} after
   * it is sent, by running the send under {@code CallContext.current().withTimeout(timeout)}: the
   * calling thread's context at that moment (a turn's, or one the caller entered) is kept, and its
   * own deadline still wins if it is earlier. So is the delegate's own, if it has one. The deadline
   * is fixed when the call is sent ({@link Invoker#call} returns at once; the future may complete
   * later), and for {@link Invoker#stream} when each subscriber subscribes, bounding the whole
   * stream. Used by generated stubs' {@code withDeadline}.
   *
   * <p>If {@code invoker} was made by this method, its timeout is replaced rather than added: the
   * result wraps the same delegate. The result is thread-safe if {@code invoker} is.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   * @throws NullPointerException if an argument is null
   */
  public static Invoker withTimeout(Invoker invoker, Duration timeout) {
    Objects.requireNonNull(invoker, "invoker");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    Invoker delegate =
        invoker instanceof TimeoutInvoker ? ((TimeoutInvoker) invoker).delegate : invoker;
    return new TimeoutInvoker(delegate, timeout);
  }

  /** The invoker of {@link #withTimeout}. */
  private static final class TimeoutInvoker implements Invoker {
    private final Invoker delegate;
    private final Duration timeout;

    TimeoutInvoker(Invoker delegate, Duration timeout) {
      this.delegate = delegate;
      this.timeout = timeout;
    }

    /** The calling thread's context with this invoker's deadline, computed now. */
    private CallContext context() {
      return CallContext.current().withTimeout(timeout);
    }

    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      return context().call(() -> delegate.call(namespace, id, method, request));
    }

    @Override
    public byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
      return context().call(() -> delegate.callBlocking(namespace, id, method, request));
    }

    @Override
    public Flow.Publisher<byte[]> stream(
        String namespace, ObjectId id, String method, byte[] request) {
      // Each subscription is a call sent when it subscribes; the publisher may be subscribed
      // again later, so it keeps its own copy of the request.
      byte[] copy = request.clone();
      return subscriber -> {
        context().run(() -> delegate.stream(namespace, id, method, copy).subscribe(subscriber));
      };
    }

    @Override
    public String toString() {
      return delegate + " with timeout " + timeout;
    }
  }

  /**
   * {@code typed}, a new instance of an exception type declared by an {@code @Rpc} method, with
   * {@code failure} as its cause; if its constructor already set a cause, {@code failure} is added
   * as a suppressed exception instead. Used by stubs to rethrow a remote failure as its declared
   * type.
   */
  public static <T extends Throwable> T withCause(T typed, RemoteFailureException failure) {
    try {
      typed.initCause(failure);
    } catch (IllegalStateException alreadySet) {
      typed.addSuppressed(failure);
    }
    return typed;
  }

  /**
   * A future failed with {@code failure}, unwrapped from {@link CompletionException}s, and passed
   * through {@code typed} if it is a {@link RemoteFailureException}. Used by asynchronous stub
   * methods of {@code @Rpc} methods that declare exceptions.
   */
  public static <T> CompletableFuture<T> failed(
      Throwable failure, Function<RemoteFailureException, Throwable> typed) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return CompletableFuture.failedFuture(
        t instanceof RemoteFailureException ? typed.apply((RemoteFailureException) t) : t);
  }
}
