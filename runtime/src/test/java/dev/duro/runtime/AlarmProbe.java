package dev.duro.runtime;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written binding for the alarm tests: raw-byte methods that set, read and delete the alarm
 * and storage, and an alarm method whose behaviour the test supplies. Every alarm attempt is
 * recorded with its {@link AlarmInfo}, the time it ran and what {@code alarm().get()} returned at
 * its start.
 */
final class AlarmProbe implements ObjectBinding<AlarmProbe.Instance> {
  static final String NAMESPACE = "AlarmProbe";
  static final NamespaceKey KEY = NamespaceKey.of(NAMESPACE);

  /** The alarm method's body; may throw. */
  @FunctionalInterface
  interface AlarmBody {
    void run(ObjectContext ctx, AlarmInfo info) throws Exception;
  }

  /** One alarm attempt. */
  record Fired(String name, AlarmInfo info, Instant ranAt, Optional<Instant> alarmAtStart) {}

  static final class Instance {
    final ObjectContext ctx;

    Instance(ObjectContext ctx) {
      this.ctx = ctx;
    }
  }

  final ConcurrentLinkedQueue<Fired> fired = new ConcurrentLinkedQueue<>();
  volatile AlarmBody body = (ctx, info) -> {};

  /** Counted down when a {@code block} call starts; the call waits for {@link #release}. */
  volatile CountDownLatch blocked = new CountDownLatch(1);

  volatile CountDownLatch release = new CountDownLatch(0);

  static ObjectId id(String name) {
    return KEY.idFromName(name);
  }

  static byte[] millis(long epochMillis) {
    return ByteBuffer.allocate(8).putLong(epochMillis).array();
  }

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public Class<Instance> objectClass() {
    return Instance.class;
  }

  @Override
  public List<String> methodNames() {
    return List.of("set", "get", "delete", "deleteAll", "put", "read", "block");
  }

  @Override
  public List<String> fieldNames() {
    return List.of();
  }

  @Override
  public Instance newInstance(ObjectContext context) {
    return new Instance(context);
  }

  @Override
  public Invocation<Instance> decode(String method, byte[] request) {
    byte[] req = request.clone();
    switch (method) {
      case "set":
        return o -> {
          o.ctx.alarm().set(Instant.ofEpochMilli(ByteBuffer.wrap(req).getLong()));
          return new byte[0];
        };
      case "get":
        return o -> o.ctx.alarm().get().map(t -> millis(t.toEpochMilli())).orElse(new byte[0]);
      case "delete":
        return o -> {
          o.ctx.alarm().delete();
          return new byte[0];
        };
      case "deleteAll":
        return o -> {
          o.ctx.storage().deleteAll(req.length > 0 && req[0] == 1);
          return new byte[0];
        };
      case "put":
        return o -> {
          o.ctx.storage().put("k", req);
          return new byte[0];
        };
      case "read":
        return o -> {
          byte[] v = o.ctx.storage().get("k");
          return v == null ? new byte[0] : v;
        };
      case "block":
        return o -> {
          blocked.countDown();
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
          return "done".getBytes(StandardCharsets.UTF_8);
        };
      default:
        throw new UnknownMethodException("AlarmProbe has no method " + method);
    }
  }

  @Override
  public void writeFields(Instance object, FieldSink sink) {}

  @Override
  public void readFields(Instance object, FieldSource source) {}

  @Override
  public void onActivate(Instance object) {}

  @Override
  public boolean hasAlarm() {
    return true;
  }

  @Override
  public void fireAlarm(Instance object, AlarmInfo info) throws Exception {
    ObjectContext ctx = object.ctx;
    fired.add(
        new Fired(ctx.id().name().orElse(ctx.id().toString()), info, ctx.now(), ctx.alarm().get()));
    body.run(ctx, info);
  }
}
