package dev.duro.runtime.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.duro.AlarmInfo;
import dev.duro.EventSink;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.binding.StreamInvocation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat-room-like object with a hand-written binding, for the runtime's streaming tests. Requests
 * and replies are UTF-8 strings (ints as decimal). Every turn that posts also writes storage, so it
 * commits.
 *
 * <ul>
 *   <li>stream {@code join(name)}: keeps the sink under {@code name}; its close action logs {@code
 *       left:name} and forgets it. {@code join("bad")} throws; {@code join(name)} with name
 *       starting with {@code "greet:"} sends "welcome" in the join turn.
 *   <li>{@code post(text)}: sends {@code text} to every member; replies with how many accepted it.
 *   <li>{@code postThenFail(text)}: sends, then throws.
 *   <li>{@code postInFailedTransaction(text)}: sends inside a storage transaction that throws
 *       (caught), then sends {@code text + "!"} outside it.
 *   <li>{@code end()}: completes every member; {@code failAll(msg)}: fails them.
 *   <li>{@code open()}: how many members are open; {@code backlog(name)}: that member's backlog.
 *   <li>{@code sendFromOtherThread(name)}: sends from a new thread, replies with its failure.
 *   <li>the alarm sends {@code tick} to every member.
 * </ul>
 */
public final class TestRoom {
  public static final String NAMESPACE = "TestRoom";

  /** Close actions run, over all instances, in order. */
  public static final List<String> CLOSED = new CopyOnWriteArrayList<>();

  /** join turns that ran, over all instances. */
  public static final AtomicInteger JOINS = new AtomicInteger();

  final ObjectContext ctx;
  final Map<String, EventSink<byte[]>> members = new LinkedHashMap<>();

  TestRoom(ObjectContext ctx) {
    this.ctx = ctx;
  }

  void join(String name, EventSink<byte[]> sink) {
    JOINS.incrementAndGet();
    if (name.equals("bad")) {
      throw new IllegalArgumentException("bad member");
    }
    members.put(name, sink);
    sink.onClose(
        () -> {
          CLOSED.add("left:" + name);
          members.remove(name);
        });
    if (name.startsWith("greet:")) {
      sink.send(b("welcome"));
    }
  }

  int post(String text) {
    int accepted = 0;
    for (EventSink<byte[]> s : members.values()) {
      if (s.send(b(text))) {
        accepted++;
      }
    }
    byte[] n = ctx.storage().get("posts");
    int posts = n == null ? 0 : ByteBuffer.wrap(n).getInt();
    ctx.storage().put("posts", ByteBuffer.allocate(4).putInt(posts + 1).array());
    return accepted;
  }

  static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  static String s(byte[] b) {
    return new String(b, UTF_8);
  }

  /** The binding. */
  public static final class Binding implements ObjectBinding<TestRoom> {
    @Override
    public String namespace() {
      return NAMESPACE;
    }

    @Override
    public Class<TestRoom> objectClass() {
      return TestRoom.class;
    }

    @Override
    public List<String> methodNames() {
      return List.of(
          "join",
          "post",
          "postThenFail",
          "postInFailedTransaction",
          "end",
          "failAll",
          "open",
          "backlog",
          "sendFromOtherThread");
    }

    @Override
    public List<String> fieldNames() {
      return List.of();
    }

    @Override
    public TestRoom newInstance(ObjectContext context) {
      return new TestRoom(context);
    }

    @Override
    public boolean isStream(String method) {
      return method.equals("join");
    }

    @Override
    public StreamInvocation<TestRoom> decodeStream(String method, byte[] request) {
      if (!method.equals("join")) {
        throw new UnknownMethodException("No streaming method " + method);
      }
      String name = s(request);
      return (room, sink) -> room.join(name, sink);
    }

    @Override
    public Invocation<TestRoom> decode(String method, byte[] request) {
      String arg = s(request);
      switch (method) {
        case "post":
          return room -> b(Integer.toString(room.post(arg)));
        case "postThenFail":
          return room -> {
            room.post(arg);
            throw new IllegalStateException("failed after posting " + arg);
          };
        case "postInFailedTransaction":
          return room -> {
            try {
              room.ctx
                  .storage()
                  .transaction(
                      st -> {
                        room.post(arg);
                        throw new IllegalStateException("undo");
                      });
            } catch (IllegalStateException expected) {
              // the transaction's sends are undone; the turn goes on
            }
            return b(Integer.toString(room.post(arg + "!")));
          };
        case "end":
          return room -> {
            room.members.values().forEach(EventSink::complete);
            room.ctx.storage().put("ended", new byte[] {1});
            return new byte[0];
          };
        case "failAll":
          return room -> {
            room.members.values().forEach(m -> m.fail(new IllegalStateException(arg)));
            room.ctx.storage().put("failed", new byte[] {1});
            return new byte[0];
          };
        case "open":
          return room -> {
            int n = 0;
            for (EventSink<byte[]> m : room.members.values()) {
              if (m.isOpen()) {
                n++;
              }
            }
            return b(Integer.toString(n));
          };
        case "backlog":
          return room -> b(Integer.toString(room.members.get(arg).backlog()));
        case "sendFromOtherThread":
          return room -> {
            EventSink<byte[]> sink = room.members.get(arg);
            List<Throwable> failure = new ArrayList<>();
            Thread t =
                new Thread(
                    () -> {
                      try {
                        sink.send(b("from elsewhere"));
                      } catch (Throwable e) {
                        failure.add(e);
                      }
                    });
            t.start();
            t.join();
            return b(failure.isEmpty() ? "none" : failure.get(0).toString());
          };
        case "join":
          throw new UnknownMethodException("join is a streaming method; call it with stream");
        default:
          throw new UnknownMethodException("No method " + method);
      }
    }

    @Override
    public void writeFields(TestRoom object, FieldSink sink) {}

    @Override
    public void readFields(TestRoom object, FieldSource source) {}

    @Override
    public void onActivate(TestRoom object) {}

    @Override
    public boolean hasAlarm() {
      return true;
    }

    @Override
    public void fireAlarm(TestRoom object, AlarmInfo info) {
      object.post("tick");
    }
  }
}
