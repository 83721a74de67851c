package dev.duro.runtime.testing;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A binding whose methods are lambdas given by the test: each takes the object's context and the
 * raw request bytes and returns the raw reply. No {@code @Persist} fields; the alarm runs method
 * {@code "@alarm"}. Counts activations per object id, so tests can see evictions.
 */
public final class ScriptedBinding implements ObjectBinding<ScriptedBinding.Instance> {
  /** One method's body. */
  @FunctionalInterface
  public interface Script {
    byte[] run(ObjectContext ctx, byte[] request) throws Exception;
  }

  /** The object: it only holds its context. */
  public static final class Instance {
    final ObjectContext ctx;

    Instance(ObjectContext ctx) {
      this.ctx = ctx;
    }
  }

  private final String namespace;
  private final Map<String, Script> methods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> activations = new ConcurrentHashMap<>();

  public ScriptedBinding(String namespace) {
    this.namespace = namespace;
  }

  /** A body that counts {@code entered} down, then waits for {@code release}; replies empty. */
  public static Script blocking(CountDownLatch entered, CountDownLatch release) {
    return (ctx, req) -> {
      entered.countDown();
      release.await();
      return new byte[0];
    };
  }

  /** Adds (or replaces) method {@code name}. */
  public ScriptedBinding on(String name, Script script) {
    methods.put(name, script);
    return this;
  }

  /** How many times the object with this hex id (or name's id) was constructed. */
  public int activations(String idHex) {
    AtomicInteger n = activations.get(idHex);
    return n == null ? 0 : n.get();
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public Class<Instance> objectClass() {
    return Instance.class;
  }

  @Override
  public List<String> methodNames() {
    return List.copyOf(methods.keySet());
  }

  @Override
  public List<String> fieldNames() {
    return List.of();
  }

  @Override
  public Instance newInstance(ObjectContext context) {
    activations
        .computeIfAbsent(context.id().toString(), k -> new AtomicInteger())
        .incrementAndGet();
    return new Instance(context);
  }

  @Override
  public Invocation<Instance> decode(String method, byte[] request) {
    Script s = methods.get(method);
    if (s == null) {
      throw new UnknownMethodException("Namespace " + namespace + " has no method " + method);
    }
    byte[] req = request.clone();
    return o -> s.run(o.ctx, req);
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

  /** Runs the method named {@code "@alarm"}, if any, with an empty request. */
  @Override
  public void fireAlarm(Instance object, AlarmInfo info) throws Exception {
    Script s = methods.get("@alarm");
    if (s != null) {
      s.run(object.ctx, new byte[0]);
    }
  }
}
