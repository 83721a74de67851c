package dev.duro.bench;

import com.google.common.util.concurrent.ListenableFuture;
import dev.duro.codec.ProtoWriter;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Target 2: loopback gRPC between two JVMs. The child JVM ({@code Bench grpc-host}) serves a bare
 * grpc-java {@code byte[]} echo service and a {@link DuroHost}, both Netty with {@code
 * directExecutor()}, on 127.0.0.1; this JVM drives each with the same client: a channel with {@code
 * directExecutor()}, {@code ClientCalls.futureUnaryCall}, and a window of calls in flight.
 */
final class GrpcBench {
  private GrpcBench() {}

  /** The echo method, with the same identity marshaller as Duro's transport. */
  static final MethodDescriptor<byte[], byte[]> ECHO =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Echo", "Echo"))
          .setRequestMarshaller(BytesMarshaller.INSTANCE)
          .setResponseMarshaller(BytesMarshaller.INSTANCE)
          .build();

  static String run(Args a) throws Exception {
    Duration warmup = Bench.seconds(a.decimal("warmup", 10));
    Duration measure = Bench.seconds(a.decimal("seconds", 10));
    int[] windows = a.integers("windows", 128);
    int drivers = a.integer("drivers", 1);
    int objects = a.integer("objects", 1_000);
    Path root = a.dataRoot();

    Path hostLog = root.resolve("grpc-host.log");
    Process host = startHost(root.resolve("grpc-host"), hostLog);
    ManagedChannel echoChannel = null;
    ManagedChannel duroChannel = null;
    try {
      BufferedReader hostOut =
          new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
      String ready = hostOut.readLine();
      if (ready == null || !ready.startsWith("READY ")) {
        host.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "gRPC host did not start; it printed: "
                + ready
                + "; its standard error:\n"
                + Files.readString(hostLog));
      }
      String[] ports = ready.split(" ");
      echoChannel = channel(Integer.parseInt(ports[1]));
      duroChannel = channel(Integer.parseInt(ports[2]));
      ManagedChannel echo = echoChannel;
      DuroClient client = DuroClient.of(duroChannel);
      BenchCounterNamespace ns = BenchCounterNamespace.of(client);
      BenchCounterStub[] stubs = new BenchCounterStub[objects];
      for (int i = 0; i < objects; i++) {
        stubs[i] = ns.get(ns.idFromName("o" + i));
      }
      // The echo carries exactly the request an increment(1) sends.
      byte[] payload = new ProtoWriter().writeInt64(1, 1).toByteArray();
      // Connections are made before the clock starts.
      echo(echo, payload).get(60, TimeUnit.SECONDS);
      stubs[0].increment(1);

      Report report =
          new Report(
              "Loopback gRPC, client and host in separate JVMs (target 2)",
              String.format(
                  "%d driver thread(s), windows %s, %d objects, warm-up %s s, measure %s s per"
                      + " case; host JVM pid %d (its CPU is the \"host\" column)",
                  drivers,
                  Arrays.toString(windows),
                  objects,
                  warmup.toMillis() / 1000.0,
                  measure.toMillis() / 1000.0,
                  host.pid()));
      report.loadTable();
      double bare = 0;
      double one = 0;
      double many = 0;
      for (int w : windows) {
        Load.Result e =
            Load.closedLoop(
                "bare gRPC byte[] echo, window " + w,
                seq -> echo(echo, payload),
                drivers,
                w,
                warmup,
                measure,
                host.pid());
        report.row(e);
        bare = Math.max(bare, e.rate());
        Load.Result d1 =
            Load.closedLoop(
                "Duro, 1 object, window " + w,
                seq -> stubs[0].async().increment(1),
                drivers,
                w,
                warmup,
                measure,
                host.pid());
        report.row(d1);
        one = Math.max(one, d1.rate());
        Load.Result dn =
            Load.closedLoop(
                "Duro, " + objects + " objects, window " + w,
                seq -> stubs[(int) (seq % objects)].async().increment(1),
                drivers,
                w,
                warmup,
                measure,
                host.pid());
        report.row(dn);
        many = Math.max(many, dn.rate());
      }
      report.line("Peaks are the best window. Ratios to the bare echo of the same run:");
      report.target("1 object / bare echo", 100 * one / bare, "%", 60, true);
      report.target(objects + " objects / bare echo", 100 * many / bare, "%", 75, true);
      client.close();
      return report.toString();
    } finally {
      for (ManagedChannel c : new ManagedChannel[] {echoChannel, duroChannel}) {
        if (c != null) {
          c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      }
      stopHost(host);
      Bench.deleteTree(root, a);
    }
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create())
        .directExecutor()
        .build();
  }

  private static CompletableFuture<byte[]> echo(ManagedChannel channel, byte[] payload) {
    ListenableFuture<byte[]> f =
        ClientCalls.futureUnaryCall(channel.newCall(ECHO, CallOptions.DEFAULT), payload);
    CompletableFuture<byte[]> cf = new CompletableFuture<>();
    f.addListener(
        () -> {
          try {
            cf.complete(f.get());
          } catch (ExecutionException e) {
            cf.completeExceptionally(e.getCause());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cf.completeExceptionally(e);
          }
        },
        Runnable::run);
    return cf;
  }

  private static Process startHost(Path dir, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Same heap and GC settings as this JVM, without agents or debuggers.
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xm") || arg.startsWith("-XX:")) {
        cmd.add(arg);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Bench.class.getName());
    cmd.add("grpc-host");
    cmd.add("--dir=" + dir);
    return new ProcessBuilder(cmd).redirectError(log.toFile()).start();
  }

  private static void stopHost(Process host) throws InterruptedException {
    try {
      host.getOutputStream().close();
    } catch (IOException e) {
      // Already gone; destroyed below if not.
    }
    if (!host.waitFor(30, TimeUnit.SECONDS)) {
      host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The child JVM: starts the echo server and the Duro host on free ports, prints {@code READY
   * <echoPort> <duroPort>}, and serves until its standard input closes (the parent exits or closes
   * it), so it never outlives the benchmark.
   */
  static void host(Args a) throws Exception {
    Path dir = Path.of(a.string("dir", "target/grpc-host-data"));
    ServerServiceDefinition echo =
        ServerServiceDefinition.builder("bench.Echo")
            .addMethod(
                ECHO,
                ServerCalls.asyncUnaryCall(
                    (req, obs) -> {
                      obs.onNext(req);
                      obs.onCompleted();
                    }))
            .build();
    Server echoServer =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .directExecutor()
            .addService(echo)
            .build()
            .start();
    DuroHost duro = DuroHost.builder().dataDirectory(dir).port(0).build().start();
    System.out.println("READY " + echoServer.getPort() + " " + duro.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for EOF.
    }
    echoServer.shutdownNow();
    duro.close();
    System.exit(0);
  }

  /** The identity marshaller, as in Duro's transport. */
  enum BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        if (stream instanceof KnownLength) {
          byte[] bytes = new byte[stream.available()];
          int read = stream.readNBytes(bytes, 0, bytes.length);
          if (read == bytes.length && stream.read() == -1) {
            return bytes;
          }
          throw new IOException("Message length changed while reading");
        }
        return stream.readAllBytes();
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription(e.getMessage()).withCause(e).asRuntimeException();
      }
    }
  }
}
