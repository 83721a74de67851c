package dev.duro.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.TransportException;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.Streams;
import dev.duro.runtime.testing.TestRoom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams on the kit: synchronous delivery, flow control, cancel, restart and commit faults. */
class StreamingKitTest {
  private static final String NS = TestRoom.NAMESPACE;
  private static final ObjectId ROOM = NamespaceKey.of(NS).idFromName("room");

  private DuroTestKit kit;

  @BeforeEach
  void open() {
    TestRoom.CLOSED.clear();
    kit = DuroTestKit.create(new TestRoom.Binding());
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private TestSubscriber<String> join(String name, TestSubscriber<String> s) {
    Streams.map(
            kit.invoker().stream(NS, ROOM, "join", name.getBytes(UTF_8)), b -> new String(b, UTF_8))
        .subscribe(s);
    return s;
  }

  private String call(String method, String arg) {
    return new String(kit.invoker().callBlocking(NS, ROOM, method, arg.getBytes(UTF_8)), UTF_8);
  }

  @Test
  void eventsAreRecordedWhenTheCallReturns() {
    TestSubscriber<String> ann = join("greet:ann", TestSubscriber.create());
    ann.assertValues("welcome");
    call("post", "hi");
    ann.assertValues("welcome", "hi");
    call("end", "");
    assertTrue(ann.isComplete());
  }

  @Test
  void boundedDemandHoldsEventsBack() {
    TestSubscriber<String> slow = join("slow", TestSubscriber.withDemand(1));
    call("post", "a");
    call("post", "b");
    slow.assertValues("a");
    assertEquals("1", call("backlog", "slow"));
    slow.request(5);
    slow.assertValues("a", "b");
  }

  @Test
  void cancellingRunsTheObjectsCloseActionAtOnce() {
    TestSubscriber<String> ann = join("ann", TestSubscriber.create());
    ann.cancel();
    assertEquals(List.of("left:ann"), TestRoom.CLOSED);
    assertEquals("0", call("post", "nobody"));
  }

  @Test
  void restartEndsStreamsAndAFailedCommitToo() throws Exception {
    TestSubscriber<String> ann = join("ann", TestSubscriber.create());
    kit.restart();
    assertInstanceOf(TransportException.class, ann.awaitError());

    TestSubscriber<String> bob = join("bob", TestSubscriber.create());
    kit.failNextCommit();
    assertThrows(TransportException.class, () -> call("post", "lost"));
    assertInstanceOf(TransportException.class, bob.awaitError());
    assertEquals(List.of(), bob.values());
    assertEquals(List.of(), bob.violations());
  }

  @Test
  void aWrongExpectationFailsWithWhatArrived() {
    TestSubscriber<String> ann = join("ann", TestSubscriber.create());
    call("post", "x");
    AssertionError e = assertThrows(AssertionError.class, () -> ann.assertValues("y"));
    assertTrue(e.getMessage().contains("[x]"), e.getMessage());
  }
}
