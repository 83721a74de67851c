package dev.duro.grpc;

import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import dev.duro.grpc.internal.AuthenticationInterceptor;
import dev.duro.grpc.internal.GrpcServer;
import dev.duro.grpc.internal.PemFiles;
import dev.duro.runtime.ObjectRuntime;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Duro host: an {@link ObjectRuntime} storing its objects in a data directory, served over gRPC
 * (one service per object class, see the {@linkplain dev.duro.grpc package documentation}) with
 * grpc-java's health service.
 *
 * <pre>{@code
 * DuroHost host = DuroHost.builder().dataDirectory(Path.of("data")).port(7070).build().start();
 * Runtime.getRuntime().addShutdownHook(new Thread(host::close));
 * host.awaitTermination();
 * }</pre>
 *
 * <p>The reflection service ({@code grpc.reflection.v1.ServerReflection}) lists the object services
 * and serves the schema the processor generated for each object class (resource {@code
 * META-INF/duro/<package>/<Class>.desc}, the same as {@code <Class>.proto}), so grpcurl and other
 * generic clients can call objects; the object address still travels in the {@code
 * x-duro-object-id} or {@code x-duro-object-name} header.
 *
 * <p>The health service ({@code grpc.health.v1.Health}) reports {@code SERVING} for the server
 * ({@code ""}) and for each namespace from {@link #start()} until {@link #close()} begins.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread, for example a shutdown hook.
 */
public final class DuroHost implements AutoCloseable {
  private final ObjectRuntime runtime;
  private final GrpcServer server;
  private final Duration shutdownTimeout;
  private final int port;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private boolean started;
  private boolean closed;

  private DuroHost(ObjectRuntime runtime, GrpcServer server, Duration shutdownTimeout, int port) {
    this.runtime = runtime;
    this.server = server;
    this.shutdownTimeout = shutdownTimeout;
    this.port = port;
  }

  /** A builder; {@link Builder#dataDirectory(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving. If binding fails the host stays unstarted; {@link #close()}
   * it to release the runtime.
   *
   * @return this host
   * @throws UncheckedIOException if the port cannot be bound (for example, it is in use)
   * @throws IllegalStateException if already started or closed
   */
  public synchronized DuroHost start() {
    if (closed) {
      throw new IllegalStateException("DuroHost is closed");
    }
    if (started) {
      throw new IllegalStateException("DuroHost is already started");
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind port " + port + ": " + e.getMessage(), e);
    }
    started = true;
    return this;
  }

  /**
   * The port the server is bound to: the configured one, or the one the system chose for port 0.
   *
   * @throws IllegalStateException if the host has not been started
   */
  public synchronized int port() {
    if (!started) {
      throw new IllegalStateException("DuroHost is not started: call start() first");
    }
    return server.port();
  }

  /**
   * Calls this host's objects in process, without the network but with the same semantics, for
   * example {@code CounterNamespace.of(host.invoker())}.
   */
  public Invoker invoker() {
    return runtime.invoker();
  }

  /**
   * The runtime hosting the objects, for inspection and tools ({@link
   * ObjectRuntime#slowTurnCount()}, {@link ObjectRuntime#openStreamCount()}, ...). Closing it
   * directly is a mistake: close the host.
   */
  public ObjectRuntime runtime() {
    return runtime;
  }

  /** The object classes this host serves. */
  public Collection<ObjectBinding<?>> bindings() {
    return runtime.bindings();
  }

  /** Waits until {@link #close()} has finished: the server is stopped and the runtime closed. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /**
   * Waits up to {@code timeout} for {@link #close()} to finish.
   *
   * @return whether it finished
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Shuts down gracefully: health turns {@code NOT_SERVING} and new calls are refused; open streams
   * end with an error ({@code UNAVAILABLE}), so subscribers resubscribe elsewhere; calls in flight
   * get up to the {@linkplain Builder#shutdownTimeout shutdown timeout} to finish and are cancelled
   * after it; then the runtime finishes its queued turns, makes their commits durable and closes
   * the store. Idempotent; later calls return at once.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      if (started) {
        server.shutdown(
            shutdownTimeout,
            () -> runtime.endStreams("The host is shutting down; subscribe again"));
      }
    } finally {
      try {
        runtime.close();
      } finally {
        terminated.countDown();
      }
    }
  }

  @Override
  public String toString() {
    return "DuroHost[" + runtime + "]";
  }

  /**
   * Configures a {@link DuroHost}. Setters return this builder; {@link #build()} validates, opens
   * the runtime and prepares the server. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Path dataDirectory;
    private int port = 7070;
    private @Nullable Collection<? extends ObjectBinding<?>> bindings;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private final List<Consumer<? super ObjectRuntime.Builder>> runtimeConfigurers =
        new ArrayList<>();
    private final List<Consumer<? super ServerBuilder<?>>> serverConfigurers = new ArrayList<>();
    private byte @Nullable [] certificateChain;
    private byte @Nullable [] privateKey;
    private byte @Nullable [] clientTrustCertificates;
    private @Nullable CallAuthenticator authenticator;
    private Duration keepAliveTime = Duration.ofMinutes(2);
    private Duration keepAliveTimeout = Duration.ofSeconds(20);
    private Duration permitKeepAliveTime = Duration.ofSeconds(20);

    private Builder() {}

    /**
     * Where objects are stored (created if missing); required. One host (or runtime) per directory
     * at a time.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The TCP port to listen on, on all interfaces. Default 7070; 0 lets the system choose (read it
     * with {@link DuroHost#port()} after {@link DuroHost#start()}).
     *
     * @throws IllegalArgumentException if not in {@code 0..65535}
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The object classes to serve. Default: every generated binding on the classpath (found with
     * {@link java.util.ServiceLoader}).
     */
    public Builder bindings(Collection<? extends ObjectBinding<?>> bindings) {
      this.bindings = List.copyOf(bindings);
      return this;
    }

    /**
     * How long {@link DuroHost#close()} lets calls in flight finish before cancelling them. Default
     * 30 seconds.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder shutdownTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative, got " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Serves TLS only, with this certificate chain (PEM, leaf first) and its private key (PEM,
     * PKCS#8 {@code BEGIN PRIVATE KEY}, unencrypted). Plaintext clients then fail to connect
     * ({@link dev.duro.TransportException} on their side). Default: plaintext.
     *
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public Builder tls(Path certificateChain, Path privateKey) {
      return tls(
          PemFiles.read(certificateChain, "certificate chain"),
          PemFiles.read(privateKey, "private key"));
    }

    /** Like {@link #tls(Path, Path)}, with the PEM text given directly. */
    public Builder tls(byte[] certificateChainPem, byte[] privateKeyPem) {
      this.certificateChain = certificateChainPem.clone();
      this.privateKey = privateKeyPem.clone();
      return this;
    }

    /**
     * Requires mutual TLS: clients must present a certificate chain that verifies against the
     * certificates (typically a CA) in the PEM file {@code trustCertificates}, or the handshake
     * fails and nothing is called. An {@link #authenticator} sees the verified chain in {@link
     * IncomingCall#peerCertificates()}. Needs {@link #tls}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder clientAuth(Path trustCertificates) {
      return clientAuth(PemFiles.read(trustCertificates, "client trust certificates"));
    }

    /** Like {@link #clientAuth(Path)}, with the PEM text given directly. */
    public Builder clientAuth(byte[] trustCertificatesPem) {
      this.clientTrustCertificates = trustCertificatesPem.clone();
      return this;
    }

    /**
     * Checks every call (except health checks) before it runs; refused calls fail with {@code
     * UNAUTHENTICATED} and never reach the object. See {@link CallAuthenticator}. Default: none,
     * every call is accepted.
     */
    public Builder authenticator(CallAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * How long a connection may be silent before the host pings the client, and how long it waits
     * for the answer before closing the connection (freeing what a vanished client held). Defaults
     * 2 minutes and 20 seconds.
     *
     * @throws IllegalArgumentException if either is not positive
     */
    public Builder keepAlive(Duration time, Duration timeout) {
      this.keepAliveTime = positive(time, "keepAlive time");
      this.keepAliveTimeout = positive(timeout, "keepAlive timeout");
      return this;
    }

    /**
     * The shortest interval at which clients may ping, with or without calls in flight; a client
     * pinging more often is disconnected ({@code GOAWAY too_many_pings}). Default 20 seconds, below
     * {@link DuroClient}'s 30.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder permitKeepAliveTime(Duration time) {
      if (time.isNegative()) {
        throw new IllegalArgumentException("permitKeepAliveTime must not be negative, got " + time);
      }
      this.permitKeepAliveTime = time;
      return this;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }

    /**
     * Adjusts the runtime (clock, limits, idle timeout, alarm retries) after the host has set its
     * data directory and bindings, which must not be set again here. Runs during {@link #build()};
     * may be called several times, in order.
     */
    public Builder configureRuntime(Consumer<? super ObjectRuntime.Builder> configurer) {
      runtimeConfigurers.add(Objects.requireNonNull(configurer, "configurer"));
      return this;
    }

    /**
     * Adjusts the gRPC server: add services (such as {@code ProtoReflectionServiceV1}),
     * interceptors, limits. Runs during {@link #build()} after the host's settings (Netty transport
     * with {@link #tls} and keepalive, {@code directExecutor()}) and before the object and health
     * services are added. Keep the direct executor unless your interceptors block. May be called
     * several times, in order.
     */
    public Builder configureServer(Consumer<? super ServerBuilder<?>> configurer) {
      serverConfigurers.add(Objects.requireNonNull(configurer, "configurer"));
      return this;
    }

    private ServerCredentials serverCredentials() {
      if (certificateChain == null || privateKey == null) {
        if (clientTrustCertificates != null) {
          throw new IllegalStateException(
              "DuroHost.Builder: clientAuth(...) needs tls(certificateChain, privateKey) too");
        }
        return InsecureServerCredentials.create();
      }
      try {
        TlsServerCredentials.Builder tls =
            TlsServerCredentials.newBuilder()
                .keyManager(
                    new ByteArrayInputStream(certificateChain),
                    new ByteArrayInputStream(privateKey));
        if (clientTrustCertificates != null) {
          tls.trustManager(new ByteArrayInputStream(clientTrustCertificates))
              .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        }
        return tls.build();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "DuroHost.Builder: invalid TLS certificate or key: " + e.getMessage(), e);
      }
    }

    /**
     * Opens the runtime (and its data directory) and prepares the server, without binding the port.
     *
     * @throws IllegalStateException if {@link #dataDirectory(Path)} was not called, or the data
     *     directory is in use or cannot be opened
     * @throws IllegalArgumentException if two bindings share a namespace or a name is invalid, or a
     *     TLS certificate or key is not valid PEM
     * @throws IllegalStateException if {@link #clientAuth} is set without {@link #tls}
     */
    public DuroHost build() {
      if (dataDirectory == null) {
        throw new IllegalStateException(
            "DuroHost.Builder: call dataDirectory(Path) before build()");
      }
      ServerBuilder<?> serverBuilder =
          NettyServerBuilder.forPort(port, serverCredentials())
              .directExecutor()
              .keepAliveTime(keepAliveTime.toNanos(), TimeUnit.NANOSECONDS)
              .keepAliveTimeout(keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS)
              .permitKeepAliveTime(permitKeepAliveTime.toNanos(), TimeUnit.NANOSECONDS)
              .permitKeepAliveWithoutCalls(true);
      serverConfigurers.forEach(c -> c.accept(serverBuilder));
      if (authenticator != null) {
        // Added last, so it runs first: nothing else sees a refused call.
        serverBuilder.intercept(new AuthenticationInterceptor(authenticator));
      }

      ObjectRuntime.Builder runtimeBuilder = ObjectRuntime.builder().dataDirectory(dataDirectory);
      if (bindings != null) {
        runtimeBuilder.bindings(bindings);
      }
      runtimeConfigurers.forEach(c -> c.accept(runtimeBuilder));
      ObjectRuntime runtime = runtimeBuilder.build();
      try {
        GrpcServer server = GrpcServer.create(serverBuilder, runtime.invoker(), runtime.bindings());
        return new DuroHost(runtime, server, shutdownTimeout, port);
      } catch (RuntimeException e) {
        runtime.close();
        throw e;
      }
    }
  }
}
