package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Helpers for generated stubs and invokers. */
public final class Calls {
  private Calls() {}

  /**
   * Waits for {@code reply} and returns its value, rethrowing a {@link DuroException} failure as is.
   * An interrupt while waiting fails with a {@link TransportException} and keeps the thread's
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
