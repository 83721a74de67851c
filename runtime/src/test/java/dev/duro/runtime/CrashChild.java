package dev.duro.runtime;

import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link XodusRuntimeTest#killDashNineLosesNoAcknowledgedWrite}: increments
 * counters on a data directory from several threads and prints every acknowledged value, until it
 * is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    ObjectRuntime runtime =
        ObjectRuntime.builder()
            .dataDirectory(Path.of(args[0]))
            .bindings(List.of(new TestCounter_Binding()))
            .build();
    TestCounterNamespace ns = TestCounterNamespace.of(runtime.invoker());
    PrintStream out = System.out;
    for (int t = 0; t < 4; t++) {
      TestCounterStub c = ns.get("crash-" + (t % 2));
      Thread thread =
          new Thread(
              () -> {
                while (true) {
                  long v = c.increment(1);
                  synchronized (out) {
                    out.println(c.id().name().orElseThrow() + " " + v);
                    out.flush();
                  }
                }
              });
      thread.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
