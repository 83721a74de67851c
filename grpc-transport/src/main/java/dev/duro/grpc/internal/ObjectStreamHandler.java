package dev.duro.grpc.internal;

import dev.duro.ObjectId;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one streaming {@code @Rpc} method: subscribes to the invoker's publisher (with the received
 * call chain and deadline as the thread's {@link CallContext}) and forwards its events as response
 * messages.
 *
 * <p>Flow control joins both sides: the handler asks the object's stream for a window of {@value
 * #WINDOW} events, and for one more per event sent only while gRPC's outbound buffer is ready; when
 * it is not, the credit is kept until gRPC reports ready again. So a slow client fills its HTTP/2
 * window, then the gRPC buffer, then the object's bounded sink buffer, where {@code EventSink.send}
 * starts refusing: nothing grows without bound. A client that cancels or disconnects cancels the
 * subscription, which the object sees as its subscriber going away.
 */
final class ObjectStreamHandler implements ServerCalls.ServerStreamingMethod<byte[], byte[]> {
  static final int WINDOW = 16;

  private final Invoker invoker;
  private final String namespace;
  private final String method;

  ObjectStreamHandler(Invoker invoker, String namespace, String method) {
    this.invoker = invoker;
    this.namespace = namespace;
    this.method = method;
  }

  @Override
  public void invoke(byte[] request, StreamObserver<byte[]> responseObserver) {
    ServerCallStreamObserver<byte[]> out = (ServerCallStreamObserver<byte[]>) responseObserver;
    Context context = Context.current();
    if (context.isCancelled()) {
      return;
    }
    ObjectId id = ObjectIdInterceptor.OBJECT_ID.get(context);
    Forwarder forwarder = new Forwarder(out);
    // gRPC wants both handlers set before this method returns.
    out.setOnCancelHandler(forwarder::clientGone);
    out.setOnReadyHandler(forwarder::ready);
    try (CallContext.Scope scope = CallChainHeaders.serverContext(context).enter()) {
      invoker.stream(namespace, id, method, request).subscribe(forwarder);
    } catch (RuntimeException e) {
      forwarder.onError(e);
    }
  }

  private static final class Forwarder implements Flow.Subscriber<byte[]> {
    private final ServerCallStreamObserver<byte[]> out;
    private final Object lock = new Object();
    private Flow.Subscription subscription;
    private boolean gone;
    private boolean done;

    /** Credits earned while gRPC was not ready: requested from the object once it is. */
    private final AtomicInteger owed = new AtomicInteger();

    Forwarder(ServerCallStreamObserver<byte[]> out) {
      this.out = out;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      boolean cancelNow;
      synchronized (lock) {
        subscription = s;
        cancelNow = gone;
      }
      if (cancelNow) {
        s.cancel();
      } else {
        s.request(WINDOW);
      }
    }

    @Override
    public void onNext(byte[] event) {
      synchronized (lock) {
        if (gone || done) {
          return;
        }
      }
      out.onNext(event);
      if (out.isReady()) {
        subscription.request(1);
      } else {
        owed.incrementAndGet();
        // gRPC may have become ready between isReady and here; ready() then requests the credit.
        if (out.isReady()) {
          ready();
        }
      }
    }

    void ready() {
      int n = owed.getAndSet(0);
      Flow.Subscription s;
      synchronized (lock) {
        s = subscription;
      }
      if (n > 0 && s != null) {
        s.request(n);
      }
    }

    @Override
    public void onError(Throwable t) {
      synchronized (lock) {
        if (gone || done) {
          return;
        }
        done = true;
      }
      out.onError(ErrorMapping.toStatus(t));
    }

    @Override
    public void onComplete() {
      synchronized (lock) {
        if (gone || done) {
          return;
        }
        done = true;
      }
      out.onCompleted();
    }

    void clientGone() {
      Flow.Subscription s;
      synchronized (lock) {
        gone = true;
        s = subscription;
      }
      if (s != null) {
        s.cancel();
      }
    }
  }
}
