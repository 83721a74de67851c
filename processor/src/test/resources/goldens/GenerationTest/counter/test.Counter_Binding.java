package test;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link Counter} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class Counter_Binding implements ObjectBinding<Counter> {
  private static final List<String> METHOD_NAMES = List.of("increment", "get");

  private static final List<String> FIELD_NAMES = List.of("count");

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public Counter_Binding() {
  }

  @Override
  public String namespace() {
    return "Counter";
  }

  @Override
  public Class<Counter> objectClass() {
    return Counter.class;
  }

  @Override
  public List<String> methodNames() {
    return METHOD_NAMES;
  }

  @Override
  public List<String> fieldNames() {
    return FIELD_NAMES;
  }

  @Override
  public Counter newInstance(ObjectContext context) {
    return new Counter(context);
  }

  @Override
  public Invocation<Counter> decode(String method, byte[] request) {
    switch (method) {
      case "increment":
        return decodeIncrement(request);
      case "get":
        return decodeGet(request);
      default:
        throw new UnknownMethodException("Namespace Counter has no method '" + method + "'; it has "
            + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(Counter object, FieldSink sink) {
    sink.put("count", encodeLong(object.count));
  }

  @Override
  public void readFields(Counter object, FieldSource source) {
    object.count = decodeLong(source.get("count"));
  }

  @Override
  public void onActivate(Counter object) throws Exception {
  }

  @Override
  public boolean hasAlarm() {
    return true;
  }

  @Override
  public void fireAlarm(Counter object, AlarmInfo info) throws Exception {
    object.expire(info);
  }

  private static Invocation<Counter> decodeIncrement(byte[] request) {
    long by = 0L;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          by = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeIncrement(by);
  }

  private static Invocation<Counter> invokeIncrement(long by) {
    return object -> encodeLong(object.increment(by));
  }

  private static Invocation<Counter> decodeGet(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeGet();
  }

  private static Invocation<Counter> invokeGet() {
    return object -> encodeLong(object.get());
  }

  private static byte[] encodeLong(long value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static long decodeLong(byte[] message) {
    if (message == null) {
      return 0L;
    }
    long value = 0L;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }
}
