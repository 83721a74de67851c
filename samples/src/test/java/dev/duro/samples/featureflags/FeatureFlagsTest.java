package dev.duro.samples.featureflags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

@DuroTest
class FeatureFlagsTest {
  @Test
  void bucketIsTheSeedsHash() throws Exception {
    // Seed 002: SHA-256 of entityId + flagName, first 4 bytes as unsigned big-endian, mod 100.
    for (String user : new String[] {"user-1", "user-2", "ü-3", ""}) {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((user + "checkout").getBytes(StandardCharsets.UTF_8));
      long first4 = ByteBuffer.wrap(h).getInt() & 0xffffffffL;
      assertEquals((int) (first4 % 100), Rollout.bucket("checkout", user));
    }
  }

  @Test
  void rolloutIsDeterministicProportionalAndOnlyGrows(DuroTestKit kit) {
    FeatureFlagsStub flags = kit.namespace(FeatureFlagsNamespace::of).get("prod");
    int users = 2_000;
    boolean[] previous = new boolean[users];
    for (int percent : new int[] {0, 10, 30, 70, 100}) {
      flags.set(FeatureFlag.rollout("checkout", percent));
      int on = 0;
      for (int i = 0; i < users; i++) {
        Evaluation e = flags.evaluate("checkout", "user-" + i);
        assertEquals(Rollout.bucket("checkout", "user-" + i) < percent, e.enabled());
        assertEquals(e.enabled() ? Reason.ROLLOUT_INCLUDED : Reason.ROLLOUT_EXCLUDED, e.reason());
        assertTrue(e.enabled() || !previous[i], "raising the rollout excluded user-" + i);
        previous[i] = e.enabled();
        if (e.enabled()) {
          on++;
        }
      }
      // SHA-256 buckets are uniform: within 3 points (3 standard deviations) of the target.
      assertTrue(Math.abs(on * 100.0 / users - percent) <= 3.0, percent + "% rollout gave " + on);
    }
  }

  @Test
  void flagsSplitUsersIndependently(DuroTestKit kit) {
    FeatureFlagsStub flags = kit.namespace(FeatureFlagsNamespace::of).get("prod");
    flags.set(FeatureFlag.rollout("a", 50));
    flags.set(FeatureFlag.rollout("b", 50));
    int both = 0;
    for (int i = 0; i < 1_000; i++) {
      Map<String, Boolean> all = flags.evaluateAll("user-" + i);
      if (all.get("a") && all.get("b")) {
        both++;
      }
    }
    assertTrue(both > 200 && both < 300, "flags a and b are correlated: " + both + " of 1000");
  }

  @Test
  void evaluationOrderFollowsTheSeed(DuroTestKit kit) {
    FeatureFlagsStub flags = kit.namespace(FeatureFlagsNamespace::of).get("prod");
    assertEquals(new Evaluation("x", false, Reason.NOT_FOUND, 0), flags.evaluate("x", "u"));
    FeatureFlag f = FeatureFlag.rollout("x", 100).withLists(Set.of("vip", "both"), Set.of("both"));
    flags.set(f);
    assertEquals(new Evaluation("x", false, Reason.BLOCKLISTED, 100), flags.evaluate("x", "both"));
    flags.set(f.withRolloutPercent(0));
    assertEquals(new Evaluation("x", true, Reason.ALLOWLISTED, 0), flags.evaluate("x", "vip"));
    assertEquals(
        new Evaluation("x", false, Reason.ROLLOUT_EXCLUDED, 0), flags.evaluate("x", "other"));
    flags.set(f.withEnabled(false));
    assertEquals(new Evaluation("x", false, Reason.DISABLED, 100), flags.evaluate("x", "vip"));
  }

  @Test
  void setStampsUpdatedAtAndFlagsAreDurable(DuroTestKit kit) {
    FeatureFlagsStub flags = kit.namespace(FeatureFlagsNamespace::of).get("prod");
    kit.advance(Duration.ofMinutes(3));
    FeatureFlag stored = flags.set(FeatureFlag.rollout("x", 25));
    assertEquals(kit.now(), stored.updatedAt());
    kit.evictAll();
    assertEquals(Optional.of(stored), flags.flag("x"));
    assertEquals(Map.of("x", stored), flags.list());
    assertTrue(flags.delete("x"));
    assertFalse(flags.delete("x"));
    assertEquals(Optional.empty(), flags.flag("x"));
  }

  @Test
  void invalidFlagsAreRejected(DuroTestKit kit) {
    FeatureFlagsStub flags = kit.namespace(FeatureFlagsNamespace::of).get("prod");
    for (FeatureFlag bad :
        new FeatureFlag[] {
          FeatureFlag.rollout("", 10), FeatureFlag.rollout("x", -1), FeatureFlag.rollout("x", 101)
        }) {
      RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> flags.set(bad));
      assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    }
    assertEquals(Map.of(), flags.list());
  }
}
