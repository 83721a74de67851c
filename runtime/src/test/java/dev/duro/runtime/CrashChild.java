package dev.duro.runtime;

import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Child process of {@link XodusRuntimeTest#killDashNineLosesNoAcknowledgedWrite}: increments
 * {@value #OBJECTS} counters, chosen at random, on a data directory from {@value #THREADS} threads
 * and prints every acknowledged value, until it is killed.
 */
public final class CrashChild {
  static final int OBJECTS = 120;
  static final int THREADS = 16;

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    ObjectRuntime runtime =
        ObjectRuntime.builder()
            .dataDirectory(Path.of(args[0]))
            .bindings(List.of(new TestCounter_Binding()))
            .build();
    TestCounterNamespace ns = TestCounterNamespace.of(runtime.invoker());
    PrintStream out = System.out;
    for (int t = 0; t < THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (true) {
                  TestCounterStub c =
                      ns.get("crash-" + ThreadLocalRandom.current().nextInt(OBJECTS));
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
