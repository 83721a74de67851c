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
 * Binds durable object class {@link Deprecations} to Duro hosts: creates instances, dispatches
 * calls, stores and loads its {@code @Persist} fields and runs its lifecycle methods, without
 * reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class Deprecations_Binding implements ObjectBinding<Deprecations> {
  private static final List<String> METHOD_NAMES = List.of("old");

  private static final List<String> FIELD_NAMES = List.of("count");

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public Deprecations_Binding() {
  }

  @Override
  public String namespace() {
    return "Deprecations";
  }

  @Override
  public Class<Deprecations> objectClass() {
    return Deprecations.class;
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
  @SuppressWarnings({"deprecation", "removal"})
  public Deprecations newInstance(ObjectContext context) {
    return new Deprecations();
  }

  @Override
  public Invocation<Deprecations> decode(String method, byte[] request) {
    switch (method) {
      case "old":
        return decodeOld(request);
      default:
        throw new UnknownMethodException("Namespace Deprecations has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void writeFields(Deprecations object, FieldSink sink) {
    sink.put("count", encodeLong(object.count));
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void readFields(Deprecations object, FieldSource source) {
    object.count = decodeLong(source.get("count"));
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void onActivate(Deprecations object) throws Exception {
    object.start();
  }

  @Override
  public boolean hasAlarm() {
    return true;
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void fireAlarm(Deprecations object, AlarmInfo info) throws Exception {
    object.ring();
  }

  private static Invocation<Deprecations> decodeOld(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeOld();
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static Invocation<Deprecations> invokeOld() {
    return object -> encodeLong(object.old());
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
