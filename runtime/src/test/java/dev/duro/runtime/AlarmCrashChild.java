package dev.duro.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link AlarmCrashTest}, killed by it. {@code arm <dir> <baseMillis>} sets alarms
 * on new objects, one after another, from {@code baseMillis} on, and prints each acknowledged one;
 * {@code hang <dir> <atMillis>} sets one alarm whose method prints that it runs, then never ends.
 */
public final class AlarmCrashChild {
  /** Alarms of {@code arm} fall within this many milliseconds after the base. */
  static final long SPREAD_MILLIS = 1_000_000;

  private AlarmCrashChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    long millis = Long.parseLong(args[2]);
    AlarmProbe probe = new AlarmProbe();
    PrintStream out = System.out;
    probe.body =
        (ctx, info) -> {
          out.println("firing " + info.retryCount());
          out.flush();
          Thread.sleep(Long.MAX_VALUE);
        };
    ObjectRuntime runtime =
        ObjectRuntime.builder()
            .dataDirectory(Path.of(args[1]))
            .bindings(List.of(probe))
            .alarmWindow(50)
            .build();
    if (mode.equals("hang")) {
      runtime
          .call(AlarmProbe.NAMESPACE, AlarmProbe.id("h"), "set", AlarmProbe.millis(millis))
          .get();
      out.println("set");
      out.flush();
    } else {
      for (int i = 0; ; i++) {
        // Out of time order, so the index and the window are exercised, not just appended to.
        long at = millis + (i * 7919L) % SPREAD_MILLIS;
        runtime
            .call(AlarmProbe.NAMESPACE, AlarmProbe.id("a" + i), "set", AlarmProbe.millis(at))
            .get();
        out.println("armed a" + i + " " + at);
        out.flush();
      }
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
