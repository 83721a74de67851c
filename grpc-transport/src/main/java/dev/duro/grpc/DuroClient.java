package dev.duro.grpc;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.binding.Invoker;
import dev.duro.grpc.internal.GrpcInvoker;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a Duro host: the {@link Invoker} that generated namespaces call through.
 *
 * <pre>{@code
 * try (DuroClient client = DuroClient.connect("localhost:7070")) {
 *   CounterNamespace counters = CounterNamespace.of(client);
 *   long v = counters.get("global").increment(1);
 * }
 * }</pre>
 *
 * <p>Each call is one unary gRPC call (see the {@linkplain dev.duro.grpc package documentation} for
 * the wire protocol). Failures are {@link DuroException}s: the exception class the host reported,
 * or {@link TransportException} when the host could not be reached. Calls carry no deadline of
 * their own, but inherit the deadline and cancellation of the current gRPC {@code Context} (for
 * example when made while serving a gRPC call); to bound every call, pass {@link #of(Channel)} a
 * channel with a {@code ClientInterceptor} that sets {@code CallOptions.withDeadlineAfter}.
 *
 * <p>Thread-safe; share one client per host. {@link #callBlocking} runs on the calling thread
 * without a thread hop. Futures returned by {@link #call} complete on the channel's executor;
 * cancelling one cancels its gRPC call.
 */
public final class DuroClient implements Invoker, AutoCloseable {
  private final GrpcInvoker invoker;
  private final @Nullable ManagedChannel ownedChannel;
  private final String description;

  private DuroClient(Channel channel, @Nullable ManagedChannel ownedChannel) {
    this.invoker = new GrpcInvoker(channel);
    this.ownedChannel = ownedChannel;
    this.description = "DuroClient[" + channel.authority() + "]";
  }

  /**
   * Connects to the host at {@code target} ({@code "host:port"}, or any gRPC target URI such as
   * {@code "dns:///host:port"}) in plaintext. The connection is made lazily on the first call and
   * re-made after failures; a host that cannot be reached fails calls with {@link
   * TransportException}. The client owns the channel and shuts it down on {@link #close()}.
   *
   * <p>Futures complete on gRPC's default shared executor, so their callbacks may block. For less
   * latency, build a channel with {@code directExecutor()} and use {@link #of(Channel)}; callbacks
   * then run on transport threads and must never block (a blocking call from one would deadlock).
   *
   * @throws IllegalArgumentException if {@code target} is not a valid gRPC target
   */
  public static DuroClient connect(String target) {
    ManagedChannel channel =
        Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
            // Detects dead connections; Duro hosts permit pings every 20 s.
            .keepAliveTime(30, TimeUnit.SECONDS)
            .build();
    return new DuroClient(channel, channel);
  }

  /**
   * A client over a channel you configured (TLS, executors, interceptors, in-process transport).
   * The caller keeps ownership: {@link #close()} stops this client but never shuts the channel
   * down, so one channel may serve several clients.
   */
  public static DuroClient of(Channel channel) {
    if (channel == null) {
      throw new NullPointerException("channel");
    }
    return new DuroClient(channel, null);
  }

  /**
   * Sends one call; never throws for a failed call. The future completes with the reply message
   * once the object's turn has committed durably, or exceptionally with a {@link DuroException}.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request) {
    return invoker.call(namespace, id, method, request);
  }

  /**
   * Sends one call and waits for its reply on the calling thread. An interrupt while waiting
   * cancels the call, fails with {@link TransportException} and keeps the interrupt flag set.
   *
   * @throws DuroException if the call failed
   * @throws NullPointerException if an argument is null
   */
  @Override
  public byte[] callBlocking(String namespace, ObjectId id, String method, byte[] request) {
    return invoker.callBlocking(namespace, id, method, request);
  }

  /**
   * Stops the client: later calls fail with {@link TransportException}. If the client owns its
   * channel ({@link #connect}), shuts it down, lets calls in flight finish for up to 5 seconds and
   * then cancels them. Idempotent. If interrupted while waiting, cancels at once and keeps the
   * interrupt flag set.
   */
  @Override
  public void close() {
    invoker.markClosed();
    ManagedChannel channel = ownedChannel;
    if (channel == null || channel.isShutdown()) {
      return;
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
