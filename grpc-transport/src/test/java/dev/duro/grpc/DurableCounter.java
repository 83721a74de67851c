package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longReply;
import static dev.duro.grpc.FakeInvoker.readLong;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import java.util.List;

/**
 * A counter object with its hand-written binding, encoded as generated code does: request field 1 =
 * argument, reply field 1 = result, the {@code count} field stored as a message with field 1.
 * {@code fail} adds 1000 and then throws, so a rolled-back turn is visible.
 */
final class DurableCounter {
  long count;

  static final class Binding implements ObjectBinding<DurableCounter> {
    @Override
    public String namespace() {
      return "Counter";
    }

    @Override
    public Class<DurableCounter> objectClass() {
      return DurableCounter.class;
    }

    @Override
    public List<String> methodNames() {
      return List.of("increment", "get", "fail");
    }

    @Override
    public List<String> fieldNames() {
      return List.of("count");
    }

    @Override
    public DurableCounter newInstance(ObjectContext context) {
      return new DurableCounter();
    }

    @Override
    public Invocation<DurableCounter> decode(String method, byte[] request) {
      switch (method) {
        case "increment":
          long by = readLong(request);
          return counter -> longReply(counter.count += by);
        case "get":
          return counter -> longReply(counter.count);
        case "fail":
          return counter -> {
            counter.count += 1000;
            throw new IllegalArgumentException("nope ü");
          };
        default:
          throw new UnknownMethodException("Namespace Counter has no method '" + method + "'");
      }
    }

    @Override
    public void writeFields(DurableCounter counter, FieldSink sink) {
      sink.put("count", counter.count == 0 ? new byte[0] : longReply(counter.count));
    }

    @Override
    public void readFields(DurableCounter counter, FieldSource source) {
      byte[] bytes = source.get("count");
      counter.count = bytes == null ? 0 : readLong(bytes);
    }

    @Override
    public void onActivate(DurableCounter counter) {}

    @Override
    public boolean hasAlarm() {
      return false;
    }

    @Override
    public void fireAlarm(DurableCounter counter, AlarmInfo info) {}
  }
}
