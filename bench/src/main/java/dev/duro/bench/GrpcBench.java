package dev.duro.bench;

import com.google.common.util.concurrent.ListenableFuture;
import dev.duro.codec.ProtoWriter;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import dev.duro.grpc.internal.ByteArrayMarshaller;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Target 2: loopback gRPC between two JVMs. The child JVM ({@code Bench grpc-host}) runs a {@link
 * DuroHost} (Netty, {@code directExecutor()}) on 127.0.0.1 whose server also serves a bare
 * grpc-java {@code byte[]} echo service; this JVM calls both over one channel ({@code
 * directExecutor()}), the echo with {@code ClientCalls.futureUnaryCall} as Duro's client does, with
 * the same window of calls in flight. So the echo and Duro share the server, its settings and
 * threads, the connection and the client set-up: the ratio measures what Duro adds to a gRPC call,
 * and nothing else.
 *
 * <p>Every case is warmed up (client and host JVM) before any is measured, in two passes so that
 * code shared by the cases is compiled with the profile of all of them. Then the cases are measured
 * interleaved, in rounds, each round starting one case later than the previous one; a case's rate
 * is the median of its rounds, and the target ratios are medians of per-round ratios. Noise on the
 * machine (a GC, a background job) thus hits every case alike, and the spread over the rounds shows
 * how much there was.
 */
final class GrpcBench {
  private GrpcBench() {}

  /** The echo method, with the same identity marshaller as Duro's transport. */
  static final MethodDescriptor<byte[], byte[]> ECHO =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Echo", "Echo"))
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .build();

  /** The longest settling period run, and discarded, before each measured slice. */
  private static final Duration MAX_SETTLE = Duration.ofMillis(500);

  /** What a case calls, and which peak it counts towards. */
  private enum Kind {
    ECHO,
    ONE_OBJECT,
    MANY_OBJECTS
  }

  private record Case(String name, Kind kind, int window, Load.Op op) {}

  static String run(Args a) throws Exception {
    Duration warmup = Bench.seconds(a.decimal("warmup", 10));
    Duration measure = Bench.seconds(a.decimal("seconds", 10));
    int rounds = a.integer("rounds", 6);
    int[] windows = a.integers("windows", 128, 1024);
    int drivers = a.integer("drivers", 1);
    int objects = a.integer("objects", 1_000);
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    Path root = a.dataRoot();

    Path hostLog = root.resolve("grpc-host.log");
    Process host = startHost(root.resolve("grpc-host"), hostLog);
    ManagedChannel channel = null;
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
      channel = channel(Integer.parseInt(ready.substring("READY ".length()).trim()));
      ManagedChannel echo = channel;
      DuroClient client = DuroClient.of(channel);
      BenchCounterNamespace ns = BenchCounterNamespace.of(client);
      BenchCounterStub[] stubs = new BenchCounterStub[objects];
      for (int i = 0; i < objects; i++) {
        stubs[i] = ns.get(ns.idFromName("o" + i));
      }
      // The echo carries exactly the request an increment(1) sends.
      byte[] payload = new ProtoWriter().writeInt64(1, 1).toByteArray();
      // The connection is made before the clock starts.
      echo(echo, payload).get(60, TimeUnit.SECONDS);
      stubs[0].increment(1);

      List<Case> cases = new ArrayList<>();
      for (int w : windows) {
        cases.add(
            new Case(
                "bare gRPC byte[] echo, window " + w, Kind.ECHO, w, seq -> echo(echo, payload)));
        cases.add(
            new Case(
                "Duro, 1 object, window " + w,
                Kind.ONE_OBJECT,
                w,
                seq -> stubs[0].async().increment(1)));
        cases.add(
            new Case(
                "Duro, " + objects + " objects, window " + w,
                Kind.MANY_OBJECTS,
                w,
                seq -> stubs[(int) (seq % objects)].async().increment(1)));
      }

      // Warm-up: every case, twice over, results discarded.
      Duration warmupPass = warmup.dividedBy(2);
      for (int pass = 1; pass <= 2; pass++) {
        for (Case c : cases) {
          Bench.progress("grpc warm-up " + pass + "/2: " + c.name());
          Load.closedLoop(
              c.name(), c.op(), drivers, c.window(), Duration.ZERO, warmupPass, host.pid());
        }
      }

      // Measurement: rounds of every case; round r starts with case r (mod the number of cases),
      // so each case runs first, second, ... equally often when rounds is a multiple of it.
      Duration slice = measure.dividedBy(rounds);
      // Discarded at the start of each slice: the window filling up after the previous case.
      Duration settle = Collections.min(List.of(slice.dividedBy(4), MAX_SETTLE));
      List<List<Load.Result>> results = new ArrayList<>();
      cases.forEach(c -> results.add(new ArrayList<>()));
      for (int r = 0; r < rounds; r++) {
        Bench.progress("grpc round " + (r + 1) + "/" + rounds);
        for (int k = 0; k < cases.size(); k++) {
          int i = (r + k) % cases.size();
          Case c = cases.get(i);
          Load.Result result =
              Load.closedLoop(c.name(), c.op(), drivers, c.window(), settle, slice, host.pid());
          results.get(i).add(result);
          Bench.progress(String.format(Locale.ROOT, "  %s: %,.0f/s", c.name(), result.rate()));
        }
      }

      Report report =
          new Report(
              "Loopback gRPC, client and host in separate JVMs (target 2)",
              String.format(
                  Locale.ROOT,
                  "%d driver thread(s), windows %s, %d objects; warm-up %s s per case (two passes"
                      + " over all cases), then %d interleaved rounds of %s s per case (+ %s s"
                      + " settling, discarded); host JVM pid %d (its CPU is the \"host\" column)",
                  drivers,
                  Arrays.toString(windows),
                  objects,
                  warmup.toMillis() / 1000.0,
                  rounds,
                  slice.toMillis() / 1000.0,
                  settle.toMillis() / 1000.0,
                  host.pid()));
      report.roundsTable();
      for (int i = 0; i < cases.size(); i++) {
        report.roundsRow(cases.get(i).name(), results.get(i));
      }
      report.line(
          "ops/s is the median of the rounds; latency is over all rounds' calls; spread is (max −"
              + " min) / median of the rounds' rates.");
      report.line("");
      // Per round: each kind's best window, then Duro's rate over the echo's of the same round.
      double[] oneRatios = new double[rounds];
      double[] manyRatios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double[] peak = new double[Kind.values().length];
        for (int i = 0; i < cases.size(); i++) {
          int kind = cases.get(i).kind().ordinal();
          peak[kind] = Math.max(peak[kind], results.get(i).get(r).rate());
        }
        double bare = peak[Kind.ECHO.ordinal()];
        oneRatios[r] = 100 * peak[Kind.ONE_OBJECT.ordinal()] / bare;
        manyRatios[r] = 100 * peak[Kind.MANY_OBJECTS.ordinal()] / bare;
      }
      report.line(
          "Ratios to the bare echo: per round, each case's best window over the echo's best window"
              + " of the same round; the median of the rounds, their range in brackets:");
      report.target("1 object / bare echo", Report.median(oneRatios), "%", 60, true);
      report.line("  " + range(oneRatios));
      report.target(objects + " objects / bare echo", Report.median(manyRatios), "%", 75, true);
      report.line("  " + range(manyRatios));
      client.close();
      return report.toString();
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      stopHost(host);
      Bench.deleteTree(root, a);
    }
  }

  private static String range(double[] percents) {
    double[] sorted = percents.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "(rounds: %s – %s %%)",
        Report.number(sorted[0]),
        Report.number(sorted[sorted.length - 1]));
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
   * The child JVM: starts a Duro host, whose server also serves the echo service, on a free port,
   * prints {@code READY <port>}, and serves until its standard input closes (the parent exits or
   * closes it), so it never outlives the benchmark.
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
    DuroHost duro =
        DuroHost.builder()
            .dataDirectory(dir)
            .port(0)
            .configureServer(server -> server.addService(echo))
            .build()
            .start();
    System.out.println("READY " + duro.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for EOF.
    }
    duro.close();
    System.exit(0);
  }
}
