package dev.duro.samples.session;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The session demo: create, touch to extend, then let the alarm expire it. */
public final class SessionDemo {
  private SessionDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about a second, waiting for the expiry.
   *
   * @throws IllegalStateException if the session does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    SessionManagerNamespace sessions = SessionManagerNamespace.of(invoker);
    SessionManagerStub session = sessions.get(sessions.newUniqueId());
    SessionInfo created = session.create("alice", 800, Map.of("cart", "3 items"));
    out.printf("session %s created: %s%n", session.id(), created);
    Thread.sleep(200);
    SessionInfo touched = session.update(Map.of("theme", "dark")).orElseThrow();
    out.printf(
        "touched after 200 ms, now expires at %s: %s%n", touched.expiresAt(), touched.data());
    check(touched.expiresAt().isAfter(created.expiresAt()), "touch did not extend the session");
    await("the session expiry", Duration.ofSeconds(10), () -> session.expirations() == 1);
    out.printf("alarm expired it: get() = %s%n", session.get());
    check(session.get().isEmpty(), "session still there after expiry");
  }
}
