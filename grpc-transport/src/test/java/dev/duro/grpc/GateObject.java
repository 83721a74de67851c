package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longReply;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallContext;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test object whose turns the test steers, with a hand-written binding (namespace {@code Gate}).
 * State lives in the binding, one per test: {@code hold} blocks its turn until {@link #release}
 * opens, {@code mark} counts its runs, {@code probe} records the {@link CallContext} its turn saw,
 * and {@code relay} calls {@code probe} on object "probe" through {@link #relayTarget}.
 */
final class GateObject {
  static final NamespaceKey GATE = NamespaceKey.of("Gate");

  private final Binding binding;

  private GateObject(Binding binding) {
    this.binding = binding;
  }

  static final class Binding implements ObjectBinding<GateObject> {
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger marks = new AtomicInteger();
    final AtomicReference<CallContext> probed = new AtomicReference<>();
    volatile Invoker relayTarget;

    @Override
    public String namespace() {
      return "Gate";
    }

    @Override
    public Class<GateObject> objectClass() {
      return GateObject.class;
    }

    @Override
    public List<String> methodNames() {
      return List.of("hold", "mark", "probe", "relay");
    }

    @Override
    public List<String> fieldNames() {
      return List.of();
    }

    @Override
    public GateObject newInstance(ObjectContext context) {
      return new GateObject(this);
    }

    @Override
    public Invocation<GateObject> decode(String method, byte[] request) {
      switch (method) {
        case "hold":
          return gate -> {
            gate.binding.holding.countDown();
            // Bounded so a broken test cannot hang the build; the tests release it long before.
            if (!gate.binding.release.await(60, TimeUnit.SECONDS)) {
              throw new IllegalStateException("hold was never released");
            }
            return new byte[0];
          };
        case "mark":
          return gate -> longReply(gate.binding.marks.incrementAndGet());
        case "probe":
          return gate -> {
            gate.binding.probed.set(CallContext.current());
            return new byte[0];
          };
        case "relay":
          return gate ->
              gate.binding.relayTarget.callBlocking(
                  "Gate", GATE.idFromName("probe"), "probe", new byte[0]);
        default:
          throw new UnknownMethodException("Namespace Gate has no method '" + method + "'");
      }
    }

    @Override
    public void writeFields(GateObject gate, FieldSink sink) {}

    @Override
    public void readFields(GateObject gate, FieldSource source) {}

    @Override
    public void onActivate(GateObject gate) {}

    @Override
    public boolean hasAlarm() {
      return false;
    }

    @Override
    public void fireAlarm(GateObject gate, AlarmInfo info) {}
  }
}
