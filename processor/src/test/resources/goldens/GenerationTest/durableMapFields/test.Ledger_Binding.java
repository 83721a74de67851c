package test;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.MapKeyCodecs;
import dev.duro.binding.ObjectBinding;
import dev.duro.binding.StorageMap;
import dev.duro.codec.CodecException;
import dev.duro.codec.Codecs;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link Ledger} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class Ledger_Binding implements ObjectBinding<Ledger> {
  private static final List<String> METHOD_NAMES = List.of("add");

  private static final List<String> FIELD_NAMES = List.of("total");

  private static final byte[] EMPTY = new byte[0];

  static {
    Ledger_Codecs.registerValueCodecs();
  }

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public Ledger_Binding() {
  }

  @Override
  public String namespace() {
    return "Ledger";
  }

  @Override
  public Class<Ledger> objectClass() {
    return Ledger.class;
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
  public Ledger newInstance(ObjectContext context) {
    Ledger object = new Ledger();
    object.byName = new StorageMap<>(context, "byName", MapKeyCodecs.STRING,
        Ledger_Binding::encodeLedger_Entry, Ledger_Binding::decodeLedger_Entry);
    object.byNumber = new StorageMap<>(context, "byNumber", MapKeyCodecs.LONG,
        Ledger_Binding::encodeBoxedLong, Ledger_Binding::decodeBoxedLong);
    object.byInt = new StorageMap<>(context, "byInt", MapKeyCodecs.INTEGER,
        Ledger_Binding::encodeString, Ledger_Binding::decodeString);
    object.byShort = new StorageMap<>(context, "byShort", MapKeyCodecs.SHORT,
        Ledger_Binding::encodeListOfString, Ledger_Binding::decodeListOfString);
    object.byByte = new StorageMap<>(context, "byByte", MapKeyCodecs.BYTE,
        Ledger_Binding::encodeBytes, Ledger_Binding::decodeBytes);
    object.byTime = new StorageMap<>(context, "byTime", MapKeyCodecs.INSTANT,
        Ledger_Binding::encodeLedger_Entry, Ledger_Binding::decodeLedger_Entry);
    object.byId = new StorageMap<>(context, "byId", MapKeyCodecs.UUID,
        Ledger_Binding::encodeInstant, Ledger_Binding::decodeInstant);
    return object;
  }

  @Override
  public Invocation<Ledger> decode(String method, byte[] request) {
    switch (method) {
      case "add":
        return decodeAdd(request);
      default:
        throw new UnknownMethodException("Namespace Ledger has no method '" + method + "'; it has "
            + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(Ledger object, FieldSink sink) {
    sink.put("total", encodeLong(object.total));
  }

  @Override
  public void readFields(Ledger object, FieldSource source) {
    object.total = decodeLong(source.get("total"));
  }

  @Override
  public void onActivate(Ledger object) throws Exception {
  }

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(Ledger object, AlarmInfo info) throws Exception {
  }

  private static Invocation<Ledger> decodeAdd(byte[] request) {
    String name = null;
    Ledger.Entry entry = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          name = reader.readString(tag);
          break;
        case 2:
          entry = Ledger_Codecs.decodeLedger_Entry(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeAdd(name, entry);
  }

  private static Invocation<Ledger> invokeAdd(String name, Ledger.Entry entry) {
    return object -> {
      object.add(name, entry);
      return EMPTY;
    };
  }

  private static byte[] encodeLong(long value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedLong(Long value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeString(String value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeString(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBytes(byte[] value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeBytes(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeLedger_Entry(Ledger.Entry value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      try {
        writer.writeMessage(1, Ledger_Codecs.encodeLedger_Entry(value));
      } catch (CodecException x) {
        throw x.under("value");
      }
    }
    return writer.toByteArray();
  }

  private static byte[] encodeListOfString(List<String> value) {
    ProtoWriter writer = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("value");
    }
    int $i1 = 0;
    for (String $e0 : value) {
      if ($e0 == null) {
        throw CodecException.nullValue("value[" + $i1 + "]");
      }
      writer.writeString(1, $e0);
      $i1++;
    }
    return writer.toByteArray();
  }

  private static byte[] encodeInstant(Instant value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeMessage(1, Codecs.timestamp(value));
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

  private static Long decodeBoxedLong(byte[] message) {
    if (message == null) {
      return null;
    }
    Long value = null;
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

  private static String decodeString(byte[] message) {
    if (message == null) {
      return null;
    }
    String value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static byte[] decodeBytes(byte[] message) {
    if (message == null) {
      return null;
    }
    byte[] value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readBytes(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Ledger.Entry decodeLedger_Entry(byte[] message) {
    if (message == null) {
      return null;
    }
    Ledger.Entry value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = Ledger_Codecs.decodeLedger_Entry(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static List<String> decodeListOfString(byte[] message) {
    if (message == null) {
      return new ArrayList<>();
    }
    List<String> value = new ArrayList<>();
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value.add(reader.readString(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Instant decodeInstant(byte[] message) {
    if (message == null) {
      return null;
    }
    Instant value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = Codecs.instant(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }
}
