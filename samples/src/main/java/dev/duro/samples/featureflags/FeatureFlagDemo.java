package dev.duro.samples.featureflags;

import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.util.Set;
import java.util.UUID;

/** The feature-flag demo: a rollout widened from 10% to 50%, with an allowlist. */
public final class FeatureFlagDemo {
  private static final int USERS = 200;

  private FeatureFlagDemo() {}

  /**
   * Runs the demo through {@code invoker}, printing to {@code out}.
   *
   * @throws IllegalStateException if the flags do not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) {
    FeatureFlagsStub flags = FeatureFlagsNamespace.of(invoker).get("demo-" + UUID.randomUUID());
    flags.set(FeatureFlag.rollout("new-checkout", 10).withLists(Set.of("qa-team"), Set.of()));
    int before = enabledOf(flags, USERS);
    out.printf("new-checkout at 10%%: %d of %d users%n", before, USERS);
    flags.set(FeatureFlag.rollout("new-checkout", 50).withLists(Set.of("qa-team"), Set.of()));
    int after = enabledOf(flags, USERS);
    out.printf("new-checkout at 50%%: %d of %d users%n", after, USERS);
    out.println("qa-team: " + flags.evaluate("new-checkout", "qa-team"));
    out.println("user-7: " + flags.evaluate("new-checkout", "user-7"));
    out.println("unknown flag: " + flags.evaluate("dark-mode", "user-7"));
    check(before < after && after < USERS, "rollout did not widen: " + before + " -> " + after);
    check(flags.evaluate("new-checkout", "qa-team").enabled(), "allowlist ignored");
  }

  private static int enabledOf(FeatureFlagsStub flags, int users) {
    int n = 0;
    for (int i = 0; i < users; i++) {
      if (flags.evaluate("new-checkout", "user-" + i).enabled()) {
        n++;
      }
    }
    return n;
  }
}
