package dev.duro.grpc;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.UnauthenticatedException;
import dev.duro.binding.Invoker;
import dev.duro.grpc.internal.BearerTokenCredentials;
import dev.duro.grpc.internal.GrpcInvoker;
import dev.duro.grpc.internal.PemFiles;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a Duro host: the {@link Invoker} that generated namespaces call through.
 *
 * <pre>{@code
 * try (DuroClient client = DuroClient.connect("localhost:7070")) {
 *   CounterNamespace counters = CounterNamespace.of(client);
 *   long v = counters.get("global").increment(1);
 * }
 *
 * // TLS, a client certificate for mutual TLS, a bearer token, and a deadline on every call:
 * DuroClient client =
 *     DuroClient.builder("duro.example.com:7070")
 *         .tls(Path.of("ca.pem"))
 *         .clientCertificate(Path.of("client.pem"), Path.of("client.key"))
 *         .bearerToken(token)
 *         .deadline(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>Each call is one unary gRPC call (see the {@linkplain dev.duro.grpc package documentation} for
 * the wire protocol); all calls of a client share one HTTP/2 connection, kept alive with pings (see
 * {@link Builder#keepAliveTime}). Failures are {@link DuroException}s: the exception class the host
 * reported, or {@link TransportException} when the host could not be reached.
 *
 * <p>Deadlines: a call's deadline is the earliest of the client's own ({@link #withDeadline},
 * {@link Builder#deadline}), the one of the calling turn or {@link dev.duro.binding.CallContext}
 * (so calls between objects inherit their caller's), and the current gRPC {@code Context}'s. The
 * host does not start a call whose deadline has passed; the caller gets {@link
 * dev.duro.DeadlineExceededException}. Cancelling a future returned by {@link #call} cancels the
 * gRPC call, and the host then drops the call if its turn has not started.
 *
 * <p>Thread-safe; share one client per host. {@link #callBlocking} runs on the calling thread
 * without a thread hop. Futures returned by {@link #call} complete on the channel's executor.
 */
public final class DuroClient implements Invoker, AutoCloseable {
  private final GrpcInvoker invoker;
  private final @Nullable ManagedChannel ownedChannel;
  private final String authority;

  private DuroClient(GrpcInvoker invoker, @Nullable ManagedChannel ownedChannel, String authority) {
    this.invoker = invoker;
    this.ownedChannel = ownedChannel;
    this.authority = authority;
  }

  /**
   * Connects to the host at {@code target} ({@code "host:port"}, or any gRPC target URI such as
   * {@code "dns:///host:port"}) in plaintext, with the {@linkplain Builder default settings}. Same
   * as {@code builder(target).build()}.
   *
   * @throws IllegalArgumentException if {@code target} is not a valid gRPC target
   */
  public static DuroClient connect(String target) {
    return builder(target).build();
  }

  /**
   * A builder for a client of the host at {@code target} ({@code "host:port"}, or any gRPC target
   * URI such as {@code "dns:///host:port"}). The connection is made lazily on the first call and
   * re-made after failures; a host that cannot be reached fails calls with {@link
   * TransportException}. The built client owns its channel and shuts it down on {@link #close()}.
   *
   * <p>Futures complete on gRPC's default shared executor, so their callbacks may block. For less
   * latency, {@code configureChannel(b -> b.directExecutor())}: callbacks then run on transport
   * threads and must never block (a blocking call from one would deadlock).
   */
  public static Builder builder(String target) {
    return new Builder(Objects.requireNonNull(target, "target"));
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
    return new DuroClient(new GrpcInvoker(channel), null, channel.authority());
  }

  /**
   * A view of this client whose calls each get a deadline {@code timeout} after they are sent
   * (replacing this client's own, if any; a caller's earlier deadline still wins). A call still
   * waiting when it passes fails with {@link dev.duro.DeadlineExceededException}; if its turn had
   * not started on the host, it never runs. The deadline travels with the call, so calls the object
   * makes to other objects while serving it are bounded by it too.
   *
   * <p>The view shares this client's connection and closed state: closing either closes both.
   * Cheap; make one per timeout and keep it, or make one per call.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public DuroClient withDeadline(Duration timeout) {
    return new DuroClient(
        invoker.withTimeout(positiveNanos(timeout, "timeout")), ownedChannel, authority);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   */
  public DuroClient withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /** The per-call deadline of this client ({@link #withDeadline}), or empty for none. */
  public Optional<Duration> deadline() {
    long nanos = invoker.timeoutNanos();
    return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
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
   * Subscribes to a streaming {@code @Rpc} method: each subscription is one server-streaming gRPC
   * call, and the subscriber's demand is gRPC's flow control, so the host sends no more events than
   * requested and the object's {@link dev.duro.EventSink} buffers (then refuses) the rest.
   * Cancelling the subscription cancels the call; the object sees its subscriber go. The deadline
   * of this client ({@link #withDeadline}) or of the calling context bounds the whole stream, as
   * gRPC deadlines do: subscribe through a client without one for long-lived subscriptions. Signals
   * arrive on the channel's executor, one at a time; do not block in them. Errors are {@link
   * dev.duro.DuroException}s, mapped as for {@link #call}.
   */
  @Override
  public Flow.Publisher<byte[]> stream(
      String namespace, ObjectId id, String method, byte[] request) {
    return invoker.stream(namespace, id, method, request);
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
    long nanos = invoker.timeoutNanos();
    return "DuroClient["
        + authority
        + (nanos == 0 ? "" : ", deadline " + Duration.ofNanos(nanos))
        + "]";
  }

  private static long positiveNanos(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Configures a {@link DuroClient}: transport security, credentials, keepalive and a default
   * deadline. Setters return this builder; {@link #build()} makes the client. Not thread-safe.
   *
   * <p>Defaults: plaintext, no credentials, no deadline; keepalive pings every 30 s, also while no
   * call is in flight, with a 10 s timeout. Duro hosts permit pings every 20 s, so the defaults
   * never get a client disconnected for pinging too often; they detect a dead connection (a
   * restarted host, a NAT that dropped the flow) before the next call would wait on it.
   */
  public static final class Builder {
    private final String target;
    private boolean tls;
    private byte @Nullable [] trustCertificates;
    private byte @Nullable [] clientCertificateChain;
    private byte @Nullable [] clientPrivateKey;
    private @Nullable CallCredentials callCredentials;
    private Duration keepAliveTime = Duration.ofSeconds(30);
    private Duration keepAliveTimeout = Duration.ofSeconds(10);
    private boolean keepAliveWithoutCalls = true;
    private long deadlineNanos;
    private final List<Consumer<? super ManagedChannelBuilder<?>>> channelConfigurers =
        new ArrayList<>();

    private Builder(String target) {
      this.target = target;
    }

    /** Uses TLS, trusting the JDK's default certificate authorities. */
    public Builder tls() {
      this.tls = true;
      this.trustCertificates = null;
      return this;
    }

    /**
     * Uses TLS, trusting only the certificates (typically a CA) in the PEM file {@code
     * trustCertificates}. The host's certificate must be valid for the target's host name.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder tls(Path trustCertificates) {
      return tls(PemFiles.read(trustCertificates, "trust certificates"));
    }

    /** Like {@link #tls(Path)}, with the PEM text given directly. */
    public Builder tls(byte[] trustCertificatesPem) {
      this.tls = true;
      this.trustCertificates = trustCertificatesPem.clone();
      return this;
    }

    /**
     * Presents this certificate chain (PEM, leaf first) and its private key (PEM, PKCS#8) to hosts
     * that require mutual TLS. Implies TLS ({@link #tls()} unless trust certificates are set).
     *
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public Builder clientCertificate(Path certificateChain, Path privateKey) {
      return clientCertificate(
          PemFiles.read(certificateChain, "client certificate chain"),
          PemFiles.read(privateKey, "client private key"));
    }

    /** Like {@link #clientCertificate(Path, Path)}, with the PEM text given directly. */
    public Builder clientCertificate(byte[] certificateChainPem, byte[] privateKeyPem) {
      this.tls = true;
      this.clientCertificateChain = certificateChainPem.clone();
      this.clientPrivateKey = privateKeyPem.clone();
      return this;
    }

    /**
     * Sends {@code authorization: Bearer <token>} with every call (what {@link
     * CallAuthenticator#bearerToken(String)} checks). Sent only over TLS: over plaintext every call
     * fails with {@link UnauthenticatedException} without being sent. Replaces {@link
     * #callCredentials}.
     *
     * @throws IllegalArgumentException if the token is empty or not printable ASCII without spaces
     */
    public Builder bearerToken(String token) {
      this.callCredentials = new BearerTokenCredentials(token);
      return this;
    }

    /**
     * Attaches gRPC call credentials (OAuth, signed tokens, ...) to every call. Replaces {@link
     * #bearerToken}.
     */
    public Builder callCredentials(CallCredentials credentials) {
      this.callCredentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * How long the connection may be silent before the client pings the host. Default 30 s; gRPC
     * raises values under 10 s to 10 s. Hosts close connections that ping more often than they
     * permit (20 s by default, {@link DuroHost.Builder#permitKeepAliveTime}).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder keepAliveTime(Duration time) {
      positiveNanos(time, "keepAliveTime");
      this.keepAliveTime = time;
      return this;
    }

    /**
     * How long to wait for a ping's answer before the connection counts as dead (its calls fail
     * with {@link TransportException} and the next call reconnects). Default 10 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder keepAliveTimeout(Duration timeout) {
      positiveNanos(timeout, "keepAliveTimeout");
      this.keepAliveTimeout = timeout;
      return this;
    }

    /**
     * Whether to ping while no call is in flight. Default true (Duro hosts permit it), so an idle
     * client notices a dead connection before its next call.
     */
    public Builder keepAliveWithoutCalls(boolean enabled) {
      this.keepAliveWithoutCalls = enabled;
      return this;
    }

    /**
     * Gives every call of the built client a deadline {@code timeout} after it is sent, as {@link
     * DuroClient#withDeadline} does. Default: none.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration timeout) {
      this.deadlineNanos = positiveNanos(timeout, "deadline");
      return this;
    }

    /**
     * Adjusts the gRPC channel (executor, interceptors, limits, load balancing) after this
     * builder's settings are applied. May be called several times, in order.
     */
    public Builder configureChannel(Consumer<? super ManagedChannelBuilder<?>> configurer) {
      channelConfigurers.add(Objects.requireNonNull(configurer, "configurer"));
      return this;
    }

    /**
     * Makes the client. No connection is made until the first call.
     *
     * @throws IllegalArgumentException if the target is not a valid gRPC target, or a certificate
     *     or key is not valid PEM
     */
    public DuroClient build() {
      ChannelCredentials credentials = channelCredentials();
      if (callCredentials != null) {
        credentials = CompositeChannelCredentials.create(credentials, callCredentials);
      }
      ManagedChannelBuilder<?> builder =
          Grpc.newChannelBuilder(target, credentials)
              .keepAliveTime(keepAliveTime.toNanos(), TimeUnit.NANOSECONDS)
              .keepAliveTimeout(keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS)
              .keepAliveWithoutCalls(keepAliveWithoutCalls);
      channelConfigurers.forEach(c -> c.accept(builder));
      ManagedChannel channel = builder.build();
      GrpcInvoker invoker = new GrpcInvoker(channel);
      if (deadlineNanos > 0) {
        invoker = invoker.withTimeout(deadlineNanos);
      }
      return new DuroClient(invoker, channel, channel.authority());
    }

    private ChannelCredentials channelCredentials() {
      if (!tls) {
        return InsecureChannelCredentials.create();
      }
      TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
      try {
        if (trustCertificates != null) {
          b.trustManager(new ByteArrayInputStream(trustCertificates));
        }
        if (clientCertificateChain != null && clientPrivateKey != null) {
          b.keyManager(
              new ByteArrayInputStream(clientCertificateChain),
              new ByteArrayInputStream(clientPrivateKey));
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "DuroClient.Builder: invalid TLS certificate or key: " + e.getMessage(), e);
      }
      return b.build();
    }
  }
}
