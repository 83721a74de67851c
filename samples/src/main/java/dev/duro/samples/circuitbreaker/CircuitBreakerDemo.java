package dev.duro.samples.circuitbreaker;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/** The circuit-breaker demo: a failing upstream trips the breaker, which then recovers. */
public final class CircuitBreakerDemo {
  private CircuitBreakerDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about half a second, waiting for the open period.
   *
   * @throws IllegalStateException if the breaker does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    CircuitBreakers breakers = new CircuitBreakers(invoker);
    String upstream = "payments-" + UUID.randomUUID();
    CircuitBreakerStub breaker = breakers.breaker(upstream);
    breaker.configure(new BreakerSettings(3, 500, 1, 1));
    out.printf("breaker for %s: 3 failures open it for 500 ms%n", upstream);
    for (int i = 1; i <= 3; i++) {
      try {
        breakers.call(
            upstream,
            () -> {
              throw new IllegalStateException("upstream timed out");
            });
      } catch (IllegalStateException e) {
        out.printf("  call %d failed: %s -> %s%n", i, e.getMessage(), breaker.status().state());
      }
    }
    check(breaker.status().state() == CircuitState.OPEN, "not open after 3 failures");
    try {
      breakers.call(upstream, () -> "never runs");
      throw new IllegalStateException("an open breaker let a call through");
    } catch (CircuitOpenException e) {
      out.println("  refused: " + e.getMessage());
    }
    await(
        "the move to half-open",
        Duration.ofSeconds(10),
        () -> breaker.status().state() == CircuitState.HALF_OPEN);
    out.println("  alarm fired: " + breaker.status().state());
    String reply = breakers.call(upstream, () -> "200 OK");
    out.printf("  trial call: %s -> %s%n", reply, breaker.status().state());
    check(breaker.status().state() == CircuitState.CLOSED, "not closed after a good trial");
  }
}
