package dev.duro.samples.ratelimit;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/** The rate-limiting demo: a fixed window through the store, then a sliding window. */
public final class RateLimitDemo {
  private RateLimitDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes under two seconds, waiting for windows to end.
   *
   * @throws IllegalStateException if an object does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    // A fresh key per run, so the demo behaves the same on a data directory it already used.
    String key = "api-key-" + UUID.randomUUID();
    DurableRateLimitStore store = new DurableRateLimitStore(invoker);
    Duration window = Duration.ofMillis(1000);
    out.printf("fixed window: 3 requests per %d ms for %s%n", window.toMillis(), key);
    for (int i = 1; i <= 5; i++) {
      Decision d = store.check(key, 3, window);
      out.printf("  request %d: %s%n", i, d);
      check(d.allowed() == (i <= 3), "request " + i + " got " + d);
    }
    RateLimiterStub limiter = store.limiter(key);
    await("the clean-up alarm", Duration.ofSeconds(10), () -> !limiter.hasWindow());
    out.println(
        "  window ended, alarm cleaned it up; next request: " + store.check(key, 3, window));

    SlidingWindowRateLimiterStub sliding =
        SlidingWindowRateLimiterNamespace.of(invoker).get("user-" + UUID.randomUUID());
    out.println("sliding window: 2 requests per 600 ms");
    Decision first = sliding.check(2, 600);
    Decision second = sliding.check(2, 600);
    Decision third = sliding.check(2, 600);
    out.printf("  %s%n  %s%n  %s%n", first, second, third);
    check(first.allowed() && second.allowed() && !third.allowed(), "sliding window broken");
    Thread.sleep(third.retryAfterMillis() + 10);
    Decision later = sliding.check(2, 600);
    out.printf("  after %d ms: %s%n", third.retryAfterMillis(), later);
    check(later.allowed(), "not allowed after retry-after: " + later);
  }
}
