package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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
}
