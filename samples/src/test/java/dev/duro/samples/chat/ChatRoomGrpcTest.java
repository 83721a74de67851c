package dev.duro.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.TransportException;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import dev.duro.testkit.TestSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat room over real gRPC: members on separate connections, a disconnect, a restart. */
class ChatRoomGrpcTest {
  @TempDir Path dir;

  private static List<String> texts(TestSubscriber<ChatEvent> s) {
    return s.values().stream().map(e -> e.user() + ":" + e.text()).collect(Collectors.toList());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void membersOnSeparateConnectionsChatAndSeeEachOtherGo() throws Exception {
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient annClient = DuroClient.connect("localhost:" + host.port());
        DuroClient bobClient = DuroClient.connect("localhost:" + host.port())) {
      ChatRoomStub annRoom = ChatRoomNamespace.of(annClient).get("lobby");
      ChatRoomStub bobRoom = ChatRoomNamespace.of(bobClient).get("lobby");
      TestSubscriber<ChatEvent> ann = TestSubscriber.create();
      annRoom.join("ann", 0).subscribe(ann);
      await(() -> annRoom.members().contains("ann"), "ann joined");
      TestSubscriber<ChatEvent> bob = TestSubscriber.create();
      bobRoom.join("bob", 0).subscribe(bob);
      ann.awaitValues(1);
      annRoom.post("ann", "hi bob");
      bobRoom.post("bob", "hi ann");
      bob.awaitValues(1);
      assertEquals(List.of("ann:hi bob"), texts(bob));
      ann.awaitValues(2);
      assertEquals(List.of("bob:bob joined", "bob:hi ann"), texts(ann));
      assertThrows(NotAMemberException.class, () -> bobRoom.post("eve", "let me in"));

      bobClient.close(); // bob's app goes away: his stream ends, the room tells ann
      assertInstanceOf(TransportException.class, bob.awaitError());
      ann.awaitValues(3);
      assertEquals("bob:bob left", texts(ann).get(2));
      assertEquals(List.of("ann"), annRoom.members());
    }
    // After a restart the history is there; a new member replays it.
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      ChatRoomStub room = ChatRoomNamespace.of(client).get("lobby");
      TestSubscriber<ChatEvent> cid = TestSubscriber.create();
      room.join("cid", 5).subscribe(cid);
      cid.awaitValues(2);
      assertEquals(List.of("ann:hi bob", "bob:hi ann"), texts(cid));
      assertEquals(List.of(), cid.violations());
    }
  }
}
