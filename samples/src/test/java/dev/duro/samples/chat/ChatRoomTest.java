package dev.duro.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.samples.chat.ChatEvent.Kind;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import dev.duro.testkit.TestSubscriber;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@DuroTest
class ChatRoomTest {
  private static ChatRoomStub lobby(DuroTestKit kit) {
    return kit.namespace(ChatRoomNamespace::of).get("lobby");
  }

  private static TestSubscriber<ChatEvent> join(ChatRoomStub room, String user, int replay) {
    TestSubscriber<ChatEvent> s = TestSubscriber.create();
    room.join(user, replay).subscribe(s);
    return s;
  }

  private static List<String> texts(TestSubscriber<ChatEvent> s) {
    return s.values().stream().map(e -> e.kind() + ":" + e.text()).collect(Collectors.toList());
  }

  @Test
  void messagesFanOutToEveryoneButTheSender(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> ann = join(room, "ann", 0);
    TestSubscriber<ChatEvent> bob = join(room, "bob", 0);
    assertEquals(1, room.post("ann", "hi bob"));
    assertEquals(2, room.post("bob", "hi ann"));
    assertEquals(List.of("JOINED:bob joined", "MESSAGE:hi ann"), texts(ann));
    assertEquals(List.of("MESSAGE:hi bob"), texts(bob));
    ChatEvent m = bob.values().get(0);
    assertEquals("ann", m.user());
    assertEquals(1, m.seq());
    assertEquals(kit.now(), m.at());
    assertEquals(List.of("ann", "bob"), room.members());
  }

  @Test
  void aLeavingOrDisconnectingMemberIsAnnounced(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> ann = join(room, "ann", 0);
    TestSubscriber<ChatEvent> bob = join(room, "bob", 0);
    TestSubscriber<ChatEvent> cid = join(room, "cid", 0);
    bob.cancel(); // a disconnect: the room's close action runs as a turn
    assertTrue(room.leave("cid"));
    cid.awaitCompletion();
    assertEquals(
        List.of("JOINED:bob joined", "JOINED:cid joined", "LEFT:bob left", "LEFT:cid left"),
        texts(ann));
    assertEquals(List.of("ann"), room.members());
    assertEquals(1, room.post("ann", "alone"));
  }

  @Test
  void joiningReplaysTheDurableHistoryEvenAfterARestart(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> ann = join(room, "ann", 0);
    for (int i = 1; i <= 5; i++) {
      room.post("ann", "m" + i);
    }
    kit.restart(); // the members' streams end; the history stays
    assertInstanceOf(TransportException.class, ann.awaitError());
    assertEquals(List.of(), room.members());
    TestSubscriber<ChatEvent> bob = join(room, "bob", 3);
    assertEquals(List.of("MESSAGE:m3", "MESSAGE:m4", "MESSAGE:m5"), texts(bob));
    assertEquals(5, room.history(10).size());
    assertEquals(List.of(), bob.violations());
  }

  @Test
  void theHistoryIsBounded(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    join(room, "ann", 0);
    for (int i = 1; i <= ChatRoom.HISTORY + 20; i++) {
      room.post("ann", "m" + i);
    }
    List<ChatEvent> h = room.history(1_000);
    assertEquals(ChatRoom.HISTORY, h.size());
    assertEquals("m21", h.get(0).text());
    assertEquals(
        ChatRoom.HISTORY,
        kit.storage(room).entries().size(),
        "old messages were not removed from storage");
  }

  @Test
  void aSlowMemberIsDisconnectedInsteadOfSilentlyMissingMessages(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> fast = join(room, "fast", 0);
    TestSubscriber<ChatEvent> slow = TestSubscriber.withDemand(0);
    room.join("slow", 0).subscribe(slow);
    int posts = 300; // more than a sink buffers
    for (int i = 0; i < posts; i++) {
      room.post("fast", "m" + i);
    }
    assertEquals(List.of("fast"), room.members());
    slow.request(Long.MAX_VALUE);
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, slow.awaitError());
    assertEquals(SlowConsumerException.class.getName(), e.remoteType());
    // Everything it did get came in order, without gaps, before the error.
    List<ChatEvent> got = slow.values();
    for (int i = 0; i < got.size(); i++) {
      assertEquals("m" + i, got.get(i).text());
    }
    assertTrue(got.size() < posts);
    // The sender never receives its own messages; it saw only the slow member join.
    assertEquals(List.of(Kind.JOINED), fast.values().stream().map(ChatEvent::kind).toList());
  }

  @Test
  void badPostsAreTypedErrorsAndSendNothing(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> ann = join(room, "ann", 0);
    join(room, "bob", 0);
    assertThrows(NotAMemberException.class, () -> room.post("mallory", "hi"));
    assertThrows(RemoteFailureException.class, () -> room.post("bob", " "));
    assertEquals(List.of("JOINED:bob joined"), texts(ann));
    assertEquals(1, room.post("bob", "real"));
  }

  @Test
  void joiningTwiceReplacesTheOldConnection(DuroTestKit kit) throws Exception {
    ChatRoomStub room = lobby(kit);
    TestSubscriber<ChatEvent> first = join(room, "ann", 0);
    TestSubscriber<ChatEvent> second = join(room, "ann", 0);
    first.awaitCompletion();
    join(room, "bob", 0);
    room.post("bob", "hello");
    assertEquals(List.of("JOINED:bob joined", "MESSAGE:hello"), texts(second));
    assertEquals(List.of("ann", "bob"), room.members());
  }

  @Test
  void blankNamesAreRefused(DuroTestKit kit) throws Exception {
    TestSubscriber<ChatEvent> s = join(lobby(kit), " ", 0);
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, s.awaitError());
    assertTrue(e.getMessage().contains("blank"), e.getMessage());
  }
}
