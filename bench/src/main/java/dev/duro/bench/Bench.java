package dev.duro.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Entry point: {@code Bench <command> [--option=value ...]}. Each command prints one Markdown
 * result block on standard output (progress goes to standard error). See BENCHMARKS.md for the
 * method and every option; {@code all} runs the four benchmarks in turn.
 *
 * <pre>
 * inprocess   durable turns/s, 1,000 objects and 1 object, vs raw Xodus; latency at half peak
 * grpc        loopback gRPC, host in a child JVM: bare byte[] echo vs Duro increments
 * alarms      alarm firing rate, lateness, heap with 1,000,000 pending alarms, restart time
 * activation  µs to activate a small object
 * all         the four above, in that order
 * </pre>
 *
 * <p>Common options: {@code --warmup=S --seconds=S} (per case), {@code --dir=PATH} (data; default a
 * temporary directory, deleted afterwards unless {@code --keep}).
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      usage(System.err);
      System.exit(2);
    }
    String command = argv[0];
    Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
    if (command.equals("grpc-host")) {
      GrpcBench.host(args);
      return;
    }
    String out = run(command, args);
    if (out == null) {
      usage(System.err);
      System.exit(2);
    }
    System.out.print(out);
    System.out.flush();
    // Daemon threads of closed runtimes may linger; the result is printed, so leave now.
    System.exit(0);
  }

  /** Runs one command and returns its Markdown block; null for an unknown command. */
  static String run(String command, Args args) throws Exception {
    switch (command) {
      case "inprocess":
        return InProcessBench.run(args);
      case "grpc":
        return GrpcBench.run(args);
      case "alarms":
        return AlarmBench.run(args);
      case "activation":
        return ActivationBench.run(args);
      case "commit-delay":
        return CommitDelayBench.run(args);
      case "all":
        // Each block is printed as soon as it is ready: a failure later keeps earlier results.
        for (String c : new String[] {"inprocess", "grpc", "alarms", "activation"}) {
          System.out.println(run(c, args));
          System.out.flush();
        }
        return "";
      default:
        return null;
    }
  }

  private static void usage(PrintStream err) {
    err.println(
        "usage: Bench inprocess|grpc|alarms|activation|commit-delay|all [--warmup=S] [--seconds=S]"
            + " [--dir=PATH] [--keep] [command options; see BENCHMARKS.md]");
  }

  static Duration seconds(double s) {
    return Duration.ofMillis(Math.round(s * 1000));
  }

  static void progress(String message) {
    System.err.println("[bench] " + message);
  }

  /** Deletes the data root unless {@code --keep} or {@code --dir} was given. */
  static void deleteTree(Path root, Args args) {
    if (args.string("keep", "false").equals("true") || !args.string("dir", "").isEmpty()) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
