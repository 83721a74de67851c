package dev.duro.samples.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@DuroTest
class SessionManagerTest {
  private static final long TTL = Duration.ofMinutes(30).toMillis();

  @Test
  void createReturnsTheSessionAndGetReadsIt(DuroTestKit kit) {
    SessionManagerStub s = newSession(kit);
    Instant t0 = kit.now();
    SessionInfo created = s.create("alice", TTL, Map.of("cart", "2"));
    assertEquals(
        new SessionInfo("alice", t0, t0, t0.plusMillis(TTL), Map.of("cart", "2")), created);
    kit.evictAll();
    assertEquals(Optional.of(created), s.peek());
  }

  @Test
  void theAlarmExpiresAnUntouchedSessionAfterItsTtl(DuroTestKit kit) {
    SessionManagerStub s = newSession(kit);
    s.create("alice", TTL, Map.of());
    kit.advance(Duration.ofMinutes(29));
    assertTrue(s.peek().isPresent());
    assertEquals(0, s.expirations());
    kit.advance(Duration.ofMinutes(1));
    assertEquals(1, s.expirations(), "the alarm did not expire the session");
    assertEquals(Optional.empty(), s.get());
    assertEquals(Optional.empty(), s.update(Map.of("a", "b")));
  }

  @Test
  void getAndUpdateTouchTheSessionButPeekDoesNot(DuroTestKit kit) {
    SessionManagerStub s = newSession(kit);
    Instant t0 = kit.now();
    s.create("alice", TTL, Map.of("cart", "2"));
    kit.advance(Duration.ofMinutes(20));
    assertEquals(t0.plusMillis(TTL), s.peek().orElseThrow().expiresAt());
    assertEquals(kit.now().plusMillis(TTL), s.get().orElseThrow().expiresAt());
    kit.advance(Duration.ofMinutes(20));
    SessionInfo updated = s.update(Map.of("theme", "dark")).orElseThrow();
    assertEquals(Map.of("cart", "2", "theme", "dark"), updated.data());
    assertEquals(t0, updated.createdAt());
    kit.advance(Duration.ofMinutes(29)); // 69 minutes after creation, 29 after the last touch
    assertTrue(s.peek().isPresent());
    assertEquals(0, s.expirations());
    kit.advance(Duration.ofMinutes(1));
    assertEquals(1, s.expirations());
    assertFalse(s.peek().isPresent());
  }

  @Test
  void destroyEndsTheSessionAndCancelsTheAlarm(DuroTestKit kit) {
    SessionManagerStub s = newSession(kit);
    s.create("alice", TTL, Map.of());
    assertTrue(s.destroy());
    assertFalse(s.destroy());
    assertEquals(Optional.empty(), s.get());
    kit.advance(Duration.ofHours(1));
    assertEquals(0, s.expirations());
  }

  @Test
  void defaultTtlAndArgumentChecks(DuroTestKit kit) {
    SessionManagerStub s = newSession(kit);
    SessionInfo info = s.create("bob", 0, Map.of());
    assertEquals(kit.now().plus(SessionManager.DEFAULT_TTL), info.expiresAt());
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> s.create("", TTL, Map.of()));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertThrows(RemoteFailureException.class, () -> s.create("bob", -1, Map.of()));
    assertEquals("bob", s.peek().orElseThrow().userId(), "a failed create changed the session");
  }

  @Test
  void sessionsAreIndependent(DuroTestKit kit) {
    SessionManagerStub a = newSession(kit);
    SessionManagerStub b = newSession(kit);
    a.create("alice", TTL, Map.of());
    b.create("bob", 2 * TTL, Map.of());
    kit.advance(Duration.ofMillis(TTL));
    assertFalse(a.peek().isPresent());
    assertEquals("bob", b.peek().orElseThrow().userId());
  }

  private static SessionManagerStub newSession(DuroTestKit kit) {
    SessionManagerNamespace sessions = kit.namespace(SessionManagerNamespace::of);
    return sessions.get(sessions.newUniqueId());
  }
}
