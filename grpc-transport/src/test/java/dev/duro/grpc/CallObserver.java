package dev.duro.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A server interceptor that lets a test wait for what the server did with its calls: one {@link
 * #handed} permit once a call's handler has returned (so the call is in the invoker's hands), one
 * {@link #cancelled} permit once a cancellation has gone through the handler, and one {@link
 * #closed} permit once a call is over either way (cancelled, or its status sent).
 */
final class CallObserver implements ServerInterceptor {
  final Semaphore handed = new Semaphore(0);
  final Semaphore cancelled = new Semaphore(0);
  final Semaphore closed = new Semaphore(0);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      @Override
      public void onHalfClose() {
        super.onHalfClose();
        handed.release();
      }

      @Override
      public void onCancel() {
        super.onCancel();
        cancelled.release();
        closed.release();
      }

      @Override
      public void onComplete() {
        super.onComplete();
        closed.release();
      }
    };
  }

  static void await(Semaphore s, int permits, String what) throws InterruptedException {
    if (!s.tryAcquire(permits, 60, TimeUnit.SECONDS)) {
      throw new AssertionError("timed out waiting for " + what);
    }
  }
}
