package dev.duro.samples.chat;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** The chat demo: two members stream a room's events over gRPC; one posts, one leaves. */
public final class ChatDemo {
  private ChatDemo() {}

  /** Collects one member's events. */
  private static final class Member implements Flow.Subscriber<ChatEvent> {
    final String name;
    final PrintStream out;
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    volatile Flow.Subscription subscription;

    Member(String name, PrintStream out) {
      this.name = name;
      this.out = out;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChatEvent e) {
      out.printf("  [%s's screen] %s %s: %s%n", name, e.kind(), e.user(), e.text());
      events.add(e);
    }

    @Override
    public void onError(Throwable t) {
      out.printf("  [%s's screen] stream failed: %s%n", name, t);
    }

    @Override
    public void onComplete() {
      out.printf("  [%s's screen] stream ended%n", name);
    }
  }

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host), printing to {@code
   * out}.
   *
   * @throws IllegalStateException if the room does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    ChatRoomStub room = ChatRoomNamespace.of(invoker).get("demo-room-" + System.nanoTime());
    Member ann = new Member("ann", out);
    Member bob = new Member("bob", out);
    room.join("ann", 10).subscribe(ann);
    await("ann to join", Duration.ofSeconds(10), () -> room.members().contains("ann"));
    room.join("bob", 10).subscribe(bob);
    await("ann to see bob join", Duration.ofSeconds(10), () -> ann.events.size() == 1);
    long seq;
    try {
      seq = room.post("ann", "hello bob, this went through a durable commit first");
      room.post("bob", "hi ann");
    } catch (NotAMemberException e) {
      throw new IllegalStateException("a member who joined was refused", e);
    }
    out.printf("posted messages 1..%d; members %s%n", seq + 1, room.members());
    await("bob to get ann's message", Duration.ofSeconds(10), () -> bob.events.size() == 1);
    await("ann to get bob's reply", Duration.ofSeconds(10), () -> ann.events.size() == 2);
    check(bob.events.get(0).text().startsWith("hello bob"), "bob got " + bob.events);
    bob.subscription.cancel(); // bob closes the app: the room sees the stream go
    await("ann to see bob leave", Duration.ofSeconds(10), () -> ann.events.size() == 3);
    check(ann.events.get(2).kind() == ChatEvent.Kind.LEFT, "ann got " + ann.events);
    out.printf("ann saw bob leave; history holds %d messages%n", room.history(10).size());
    room.leave("ann");
  }
}
