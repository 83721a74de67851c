package dev.duro.grpc.internal;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Calls;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.Streams;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side: sends each call as a unary gRPC call on a channel, the object address in the
 * request headers, and maps failures back to Duro exceptions. Thread-safe. Used by {@code
 * DuroClient}, which owns (or not) the channel; this class never closes it.
 */
public final class GrpcInvoker implements Invoker {
  /** The object a call addresses, carried from {@link #call} to the header interceptor. */
  private static final CallOptions.Key<Address> ADDRESS = CallOptions.Key.create("duro-address");

  private final Channel channel;
  private final ConcurrentHashMap<
          String, ConcurrentHashMap<String, MethodDescriptor<byte[], byte[]>>>
      descriptors;
  private final AtomicBoolean closed;

  /** Open streaming calls: closing the invoker cancels them, since they may never end. */
  private final Set<StreamCall> streams;

  /** Each call's own time limit in nanoseconds; 0 for none. */
  private final long timeoutNanos;

  public GrpcInvoker(Channel channel) {
    this(
        ClientInterceptors.intercept(channel, new ObjectIdAttacher()),
        new ConcurrentHashMap<>(),
        new AtomicBoolean(),
        ConcurrentHashMap.newKeySet(),
        0);
  }

  private GrpcInvoker(
      Channel channel,
      ConcurrentHashMap<String, ConcurrentHashMap<String, MethodDescriptor<byte[], byte[]>>>
          descriptors,
      AtomicBoolean closed,
      Set<StreamCall> streams,
      long timeoutNanos) {
    this.channel = channel;
    this.descriptors = descriptors;
    this.closed = closed;
    this.streams = streams;
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * An invoker on the same channel, sharing this one's closed state, whose calls each get a
   * deadline {@code timeoutNanos} after they are sent (or the caller's, if earlier).
   *
   * @throws IllegalArgumentException if {@code timeoutNanos} is not positive
   */
  public GrpcInvoker withTimeout(long timeoutNanos) {
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeoutNanos + " ns");
    }
    return new GrpcInvoker(channel, descriptors, closed, streams, timeoutNanos);
  }

  /** Each call's own time limit in nanoseconds; 0 for none. */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  /**
   * Fails every later call with a {@link TransportException}; unary calls in flight are unaffected,
   * open streams are cancelled (their subscribers get a {@link TransportException}).
   */
  public void markClosed() {
    closed.set(true);
    for (StreamCall s : List.copyOf(streams)) {
      s.closeByClient();
    }
  }

  @Override
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request) {
    MethodDescriptor<byte[], byte[]> md = descriptor(namespace, method);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedException(md));
    }
    ListenableFuture<byte[]> grpcFuture;
    try {
      grpcFuture =
          ClientCalls.futureUnaryCall(channel.newCall(md, options(namespace, id)), request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          ErrorMapping.toDuroException(e, md.getFullMethodName()));
    }
    Reply reply = new Reply(grpcFuture, md.getFullMethodName());
    Futures.addCallback(grpcFuture, reply, MoreExecutors.directExecutor());
    return reply;
  }

  @Override
  public byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
    if (!CallContext.current().chain().isEmpty()) {
      // Inside a turn: wait through CompletableFuture, whose waits let a fork-join turn pool add
      // a thread, rather than park the turn thread in gRPC's own executor.
      return Calls.join(call(namespace, id, method, request));
    }
    MethodDescriptor<byte[], byte[]> md = descriptor(namespace, method);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      throw closedException(md);
    }
    try {
      // Runs the call's callbacks on this thread (gRPC's ThreadlessExecutor): no thread hop.
      return ClientCalls.blockingUnaryCall(channel, md, options(namespace, id), request);
    } catch (RuntimeException e) {
      throw ErrorMapping.toDuroException(e, md.getFullMethodName());
    }
  }

  /**
   * The call's options: its address, its deadline, and, when sent from inside a turn (or a {@link
   * CallContext} the caller entered), the call chain.
   */
  private CallOptions options(String namespace, ObjectId id) {
    CallContext context = CallContext.current();
    CallOptions options =
        CallOptions.DEFAULT.withOption(
            ADDRESS, new Address(id, sendByName(namespace, id), context.chain()));
    // The earlier of the caller's deadline and this invoker's own limit; gRPC also applies the
    // current gRPC Context's deadline, if earlier still.
    long nanos = context.remainingNanos();
    if (timeoutNanos > 0 && timeoutNanos < nanos) {
      nanos = timeoutNanos;
    }
    if (nanos != Long.MAX_VALUE) {
      options = options.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS);
    }
    return options;
  }

  /**
   * Whether to address {@code id} by its name. Only if the id was made by {@code namespace}: the
   * host derives the id from the name in the called namespace, so a name-carrying id of another
   * namespace would silently reach a different object. Sent as hex instead, the host rejects it.
   */
  private static boolean sendByName(String namespace, ObjectId id) {
    if (id.name().isEmpty()) {
      return false;
    }
    try {
      return NamespaceKey.of(namespace).owns(id);
    } catch (IllegalArgumentException invalidNamespace) {
      return false; // the host answers with the error for an unknown service
    }
  }

  /**
   * Each subscription sends one server-streaming call; demand maps onto gRPC's own flow control
   * ({@link ClientCall#request}), so the host sends no more than the subscriber asked for. Signals
   * arrive on the channel's executor, one at a time.
   */
  @Override
  public Flow.Publisher<byte[]> stream(
      String namespace, ObjectId id, String method, byte[] request) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(id, "id");
    byte[] copy = request.clone();
    MethodDescriptor<byte[], byte[]> md = MethodDescriptors.serverStreaming(namespace, method);
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      if (closed.get()) {
        Streams.<byte[]>failed(closedException(md)).subscribe(subscriber);
        return;
      }
      ClientCall<byte[], byte[]> call;
      try {
        call = channel.newCall(md, options(namespace, id));
      } catch (RuntimeException e) {
        Streams.<byte[]>failed(ErrorMapping.toDuroException(e, md.getFullMethodName()))
            .subscribe(subscriber);
        return;
      }
      StreamCall stream = new StreamCall(call, subscriber, md.getFullMethodName(), streams);
      streams.add(stream);
      if (closed.get()) {
        stream.closeByClient();
      }
      stream.start(copy);
    };
  }

  /** One streaming call: the subscriber's subscription, and the call's listener. */
  private static final class StreamCall extends ClientCall.Listener<byte[]>
      implements Flow.Subscription {
    private final ClientCall<byte[], byte[]> call;
    private final Flow.Subscriber<? super byte[]> subscriber;
    private final String fullMethodName;
    private final Set<StreamCall> registry;
    private final Object lock = new Object();
    private boolean cancelled;
    private boolean terminated;
    private boolean started;

    /** Demand signalled before the call started (gRPC takes requests only after start). */
    private long early;

    StreamCall(
        ClientCall<byte[], byte[]> call,
        Flow.Subscriber<? super byte[]> subscriber,
        String fullMethodName,
        Set<StreamCall> registry) {
      this.call = call;
      this.subscriber = subscriber;
      this.fullMethodName = fullMethodName;
      this.registry = registry;
    }

    /** The client closed: cancel the call and tell the subscriber. */
    void closeByClient() {
      registry.remove(this);
      boolean send;
      synchronized (lock) {
        send = started && !cancelled && !terminated;
        if (!started) {
          cancelled = true; // start() sends nothing
        }
      }
      if (send) {
        call.cancel("The DuroClient was closed", null);
      }
      deliverError(
          new TransportException("Stream " + fullMethodName + " ended: the DuroClient was closed"),
          true);
    }

    void start(byte[] request) {
      subscriber.onSubscribe(this);
      synchronized (lock) {
        if (cancelled) {
          registry.remove(this);
          return;
        }
      }
      long demand;
      try {
        call.start(this, new Metadata());
        call.sendMessage(request);
        call.halfClose();
        synchronized (lock) {
          started = true;
          demand = early;
        }
        if (demand > 0) {
          call.request((int) Math.min(demand, Integer.MAX_VALUE));
        }
      } catch (RuntimeException e) {
        call.cancel("Failed to send the request", e);
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        deliverError(
            new IllegalArgumentException("Subscription.request(" + n + "): must be positive"),
            true);
        return;
      }
      synchronized (lock) {
        if (cancelled || terminated) {
          return;
        }
        if (!started) {
          early = early + n < 0 ? Long.MAX_VALUE : early + n;
          return;
        }
      }
      call.request((int) Math.min(n, Integer.MAX_VALUE));
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        if (cancelled || terminated) {
          cancelled = true;
          return;
        }
        cancelled = true;
        if (!started) {
          return; // start() sees the flag and never sends the call
        }
      }
      registry.remove(this);
      call.cancel("Cancelled by the subscriber", null);
    }

    @Override
    public void onMessage(byte[] message) {
      synchronized (lock) {
        if (cancelled || terminated) {
          return;
        }
      }
      subscriber.onNext(message);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      registry.remove(this);
      if (status.isOk()) {
        synchronized (lock) {
          if (cancelled || terminated) {
            return;
          }
          terminated = true;
        }
        subscriber.onComplete();
      } else {
        deliverError(
            ErrorMapping.toDuroException(status.asRuntimeException(trailers), fullMethodName),
            false);
      }
    }

    /**
     * {@code evenIfCancelled}: reported although the call is cancelled, because the subscriber did
     * not cancel it itself (the client closed) or its cancel came from an invalid request(n).
     */
    private void deliverError(Throwable error, boolean evenIfCancelled) {
      synchronized (lock) {
        if (terminated || (cancelled && !evenIfCancelled)) {
          return;
        }
        terminated = true;
      }
      subscriber.onError(error);
    }
  }

  private MethodDescriptor<byte[], byte[]> descriptor(String namespace, String method) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(method, "method");
    ConcurrentHashMap<String, MethodDescriptor<byte[], byte[]>> byMethod =
        descriptors.get(namespace);
    if (byMethod == null) {
      byMethod = descriptors.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>());
    }
    MethodDescriptor<byte[], byte[]> md = byMethod.get(method);
    if (md == null) {
      md = byMethod.computeIfAbsent(method, m -> MethodDescriptors.unary(namespace, m));
    }
    return md;
  }

  private static DuroException closedException(MethodDescriptor<?, ?> md) {
    return new TransportException(
        "Call " + md.getFullMethodName() + " not sent: the DuroClient is closed");
  }

  /** The caller's future; cancelling it cancels the gRPC call. */
  private static final class Reply extends CompletableFuture<byte[]>
      implements FutureCallback<byte[]> {
    private final ListenableFuture<byte[]> grpcFuture;
    private final String fullMethodName;

    Reply(ListenableFuture<byte[]> grpcFuture, String fullMethodName) {
      this.grpcFuture = grpcFuture;
      this.fullMethodName = fullMethodName;
    }

    @Override
    public void onSuccess(byte[] result) {
      complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
      completeExceptionally(ErrorMapping.toDuroException(t, fullMethodName));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        grpcFuture.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }

  private record Address(ObjectId id, boolean byName, List<String> chain) {}

  /** Puts the object address of each call into its request headers. */
  private static final class ObjectIdAttacher implements ClientInterceptor {
    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
      Address address = callOptions.getOption(ADDRESS);
      ClientCall<ReqT, RespT> call = next.newCall(method, callOptions);
      if (address == null) {
        return call;
      }
      return new SimpleForwardingClientCall<>(call) {
        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
          ObjectIdHeaders.write(headers, address.id(), address.byName());
          CallChainHeaders.write(headers, address.chain());
          super.start(responseListener, headers);
        }
      };
    }
  }
}
