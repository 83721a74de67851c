package dev.duro.grpc;

import static dev.duro.grpc.GateObject.GATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.binding.CallContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's deadline reaches the object it calls and, through it, the objects that one calls on
 * another host: host A's object {@code relay}s to host B's object {@code probe}, which records the
 * deadline its turn saw.
 */
class DeadlinePropagationTest {
  private static final byte[] EMPTY = new byte[0];

  @TempDir Path dataA;
  @TempDir Path dataB;

  private final GateObject.Binding gateA = new GateObject.Binding();
  private final GateObject.Binding gateB = new GateObject.Binding();
  private DuroHost hostA;
  private DuroHost hostB;
  private DuroClient toA;
  private DuroClient aToB;

  @BeforeEach
  void start() {
    hostB = DuroHost.builder().dataDirectory(dataB).port(0).bindings(List.of(gateB)).build();
    hostB.start();
    hostA = DuroHost.builder().dataDirectory(dataA).port(0).bindings(List.of(gateA)).build();
    hostA.start();
    aToB = DuroClient.connect("127.0.0.1:" + hostB.port());
    gateA.relayTarget = aToB;
    toA = DuroClient.connect("127.0.0.1:" + hostA.port());
  }

  @AfterEach
  void stop() {
    toA.close();
    aToB.close();
    hostA.close();
    hostB.close();
  }

  private CallContext relay(DuroClient client) {
    gateB.probed.set(null);
    client.callBlocking("Gate", GATE.idFromName("relay"), "relay", EMPTY);
    CallContext seen = gateB.probed.get();
    assertTrue(seen != null, "probe did not run");
    return seen;
  }

  @Test
  void withoutADeadlineNoneArrives() {
    CallContext seen = relay(toA);
    assertFalse(seen.hasDeadline());
    // The chain arrives too: B's probe knows A's relay waits for it.
    assertEquals(
        List.of(CallContext.reference("Gate", GATE.idFromName("relay"))),
        seen.chain().subList(0, 1));
  }

  @Test
  void theClientDeadlineReachesTheSecondHost() {
    CallContext seen = relay(toA.withDeadline(Duration.ofSeconds(90)));
    assertTrue(seen.hasDeadline());
    long remaining = seen.remainingNanos();
    assertTrue(
        remaining > 0 && remaining <= TimeUnit.SECONDS.toNanos(90), "remaining " + remaining);
  }

  @Test
  void theBuilderDeadlineAppliesToEveryCall() {
    try (DuroClient bounded =
        DuroClient.builder("127.0.0.1:" + hostA.port()).deadline(Duration.ofSeconds(80)).build()) {
      assertEquals(Optional.of(Duration.ofSeconds(80)), bounded.deadline());
      for (int i = 0; i < 3; i++) {
        CallContext seen = relay(bounded);
        assertTrue(seen.hasDeadline());
        assertTrue(seen.remainingNanos() <= TimeUnit.SECONDS.toNanos(80));
      }
    }
  }

  @Test
  void theEarlierOfCallerAndClientDeadlineWins() {
    DuroClient lax = toA.withDeadline(Duration.ofSeconds(120));
    CallContext seen =
        CallContext.current().withTimeout(Duration.ofSeconds(70)).call(() -> relay(lax));
    assertTrue(seen.remainingNanos() <= TimeUnit.SECONDS.toNanos(70), seen.toString());

    CallContext strict =
        CallContext.current()
            .withTimeout(Duration.ofSeconds(200))
            .call(() -> relay(toA.withDeadline(Duration.ofSeconds(60))));
    assertTrue(strict.remainingNanos() <= TimeUnit.SECONDS.toNanos(60), strict.toString());
  }

  @Test
  void viewsValidateAndShareTheConnection() {
    assertThrows(IllegalArgumentException.class, () -> toA.withDeadline(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> toA.withDeadline(Duration.ofSeconds(-1)));
    assertEquals(Optional.empty(), toA.deadline());
    DuroClient view = toA.withDeadlineAfter(1500, TimeUnit.MILLISECONDS);
    assertEquals(Optional.of(Duration.ofMillis(1500)), view.deadline());
    assertTrue(view.toString().contains("deadline PT1.5S"), view.toString());

    // Closing the view closes the client it came from: they are one connection.
    view.close();
    assertThrows(
        dev.duro.TransportException.class,
        () -> toA.callBlocking("Gate", GATE.idFromName("x"), "mark", EMPTY));
  }
}
