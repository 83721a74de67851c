package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DeadlineExceededException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import dev.duro.testkit.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streaming methods and stub deadlines of objects compiled by the real processor, on the real
 * runtime: the generated binding's {@code decodeStream}, the stub's publisher, the object's sink.
 */
@DuroTest
class GeneratedStreamsAndDeadlinesTest {
  DuroTestKit kit;

  private RoomStub room(String name) {
    return kit.namespace(RoomNamespace::of).get(name);
  }

  @Test
  void membersReceiveEveryPostAsATypedEvent() {
    RoomStub room = room("lobby");
    TestSubscriber<Room.Note> ann = TestSubscriber.create();
    room.join("ann").subscribe(ann);
    assertEquals(1, room.post("bob", "hi"));
    assertEquals(1, room.post("cy", ""));
    ann.assertValues(new Room.Note("bob", "hi"), new Room.Note("cy", ""));
    room.close();
    assertTrue(ann.isComplete());
    assertEquals(List.of(), ann.violations());
  }

  @Test
  void demandCancelAndFailures() throws Exception {
    RoomStub room = room("lobby");
    TestSubscriber<Room.Note> slow = TestSubscriber.withDemand(1);
    room.join("slow").subscribe(slow);
    room.post("a", "1");
    room.post("a", "2");
    slow.assertValues(new Room.Note("a", "1"));
    slow.request(1);
    slow.assertValues(new Room.Note("a", "1"), new Room.Note("a", "2"));
    slow.cancel(); // the object's onClose action forgets the member
    assertEquals(0, room.post("a", "3"));

    TestSubscriber<Room.Note> nobody = TestSubscriber.create();
    room.join("").subscribe(nobody);
    RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, nobody.awaitError());
    assertEquals("java.lang.IllegalArgumentException", e.remoteType());

    kit.restart(); // streams end with the runtime
    TestSubscriber<Room.Note> before = TestSubscriber.create();
    room.join("x").subscribe(before);
    kit.restart();
    assertInstanceOf(TransportException.class, before.awaitError());
  }

  @Test
  void unaryAndStreamingMethodsCannotBeMixedUp() throws Exception {
    UnknownMethodException unary =
        assertThrows(
            UnknownMethodException.class,
            () ->
                kit.invoker()
                    .callBlocking(RoomNamespace.NAME, room("r").id(), "join", new byte[0]));
    assertTrue(unary.getMessage().contains("is a streaming method"), unary.getMessage());
    TestSubscriber<byte[]> wrong = TestSubscriber.create();
    kit.invoker().stream(RoomNamespace.NAME, room("r").id(), "post", new byte[0]).subscribe(wrong);
    assertInstanceOf(UnknownMethodException.class, wrong.awaitError());
  }

  @Test
  void aStubDeadlineReachesTheRuntime() {
    CounterStub counter = kit.namespace(CounterNamespace::of).get("c");
    assertEquals(1, counter.withDeadline(Duration.ofMinutes(1)).increment(1));
    assertEquals(2, counter.withDeadlineAfter(1, TimeUnit.MINUTES).async().increment(1).join());
    // Passed before the turn could start: the runtime does not run it.
    assertThrows(
        DeadlineExceededException.class,
        () -> counter.withDeadline(Duration.ofNanos(1)).increment(100));
    assertEquals(2, counter.get());
  }

  @Test
  void anInstanceFakeStillServesStreamsAndAHandlerFakeRefusesThem() throws Exception {
    kit.fake(
        RoomNamespace::of,
        new Room() {
          @Override
          public int post(String from, String text) {
            return 42 + super.post(from, text);
          }
        });
    RoomStub room = room("faked");
    TestSubscriber<Room.Note> ann = TestSubscriber.create();
    room.join("ann").subscribe(ann);
    assertEquals(43, room.post("bob", "hi"));
    ann.assertValues(new Room.Note("bob", "hi"));

    kit.fake(
        RoomNamespace::of,
        RoomNamespace.handler(
            new RoomApi() {
              @Override
              public Flow.Publisher<Room.Note> join(String user) {
                throw new AssertionError("not reachable through a handler");
              }

              @Override
              public int post(String from, String text) {
                return 9;
              }

              @Override
              public void close() {}
            }));
    assertEquals(9, room.post("bob", "hi"));
    TestSubscriber<Room.Note> refused = TestSubscriber.create();
    room.join("ann").subscribe(refused);
    UnknownMethodException e = assertInstanceOf(UnknownMethodException.class, refused.awaitError());
    assertTrue(e.getMessage().contains("serves unary calls only"), e.getMessage());
  }
}
