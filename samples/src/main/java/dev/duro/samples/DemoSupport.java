package dev.duro.samples;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers shared by the samples' demos, which run against a real host on the wall clock. */
public final class DemoSupport {
  private DemoSupport() {}

  /**
   * Polls {@code condition} every 20 ms until it holds; demos use it to wait for an alarm.
   *
   * @throws IllegalStateException naming {@code what} if it does not hold within {@code timeout}
   */
  public static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not happen within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /**
   * Fails the demo if {@code condition} is false, so a demo that prints nonsense does not pass.
   *
   * @throws IllegalStateException with {@code message}
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
