package test;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.binding.StreamInvocation;
import dev.duro.binding.Streams;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link Shadowing} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class Shadowing_Binding implements ObjectBinding<Shadowing> {
  private static final List<String> METHOD_NAMES = List.of("call", "store", "noArgs",
      "encodeNoArgs", "NoArgs", "handle", "listen");

  private static final List<String> FIELD_NAMES = List.of();

  private static final byte[] EMPTY = new byte[0];

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public Shadowing_Binding() {
  }

  @Override
  public String namespace() {
    return "Shadowing";
  }

  @Override
  public Class<Shadowing> objectClass() {
    return Shadowing.class;
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
  public Shadowing newInstance(ObjectContext context) {
    return new Shadowing();
  }

  @Override
  public Invocation<Shadowing> decode(String method, byte[] request) {
    switch (method) {
      case "call":
        return decodeCall(request);
      case "store":
        return decodeStore(request);
      case "noArgs":
        return decodeNoArgs(request);
      case "encodeNoArgs":
        return decodeEncodeNoArgs(request);
      case "NoArgs":
        return decodeNoArgs_(request);
      case "handle":
        return decodeHandle(request);
      case "listen":
        throw new UnknownMethodException("Method 'listen' of namespace Shadowing"
            + " is a streaming method: call it with Invoker.stream");
      default:
        throw new UnknownMethodException("Namespace Shadowing has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  public boolean isStream(String method) {
    switch (method) {
      case "listen":
        return true;
      default:
        return false;
    }
  }

  @Override
  public StreamInvocation<Shadowing> decodeStream(String method, byte[] request) {
    switch (method) {
      case "listen":
        return decodeListen(request);
      default:
        if (METHOD_NAMES.contains(method)) {
          throw new UnknownMethodException("Method '" + method
              + "' of namespace Shadowing is not a streaming method"
              + ": call it with Invoker.call");
        }
        throw new UnknownMethodException("Namespace Shadowing has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(Shadowing object, FieldSink sink) {
  }

  @Override
  public void readFields(Shadowing object, FieldSource source) {
  }

  @Override
  public void onActivate(Shadowing object) throws Exception {
  }

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(Shadowing object, AlarmInfo info) throws Exception {
  }

  private static Invocation<Shadowing> decodeCall(byte[] request_) {
    long invoker = 0L;
    long id = 0L;
    long writer = 0L;
    long reader = 0L;
    long tag = 0L;
    long request = 0L;
    ProtoReader reader_ = new ProtoReader(request_);
    for (int tag_; (tag_ = reader_.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag_)) {
        case 1:
          invoker = reader_.readInt64(tag_);
          break;
        case 2:
          id = reader_.readInt64(tag_);
          break;
        case 3:
          writer = reader_.readInt64(tag_);
          break;
        case 4:
          reader = reader_.readInt64(tag_);
          break;
        case 5:
          tag = reader_.readInt64(tag_);
          break;
        case 6:
          request = reader_.readInt64(tag_);
          break;
        default:
          reader_.skip(tag_);
      }
    }
    return invokeCall(invoker, id, writer, reader, tag, request);
  }

  private static Invocation<Shadowing> invokeCall(long invoker, long id, long writer, long reader,
      long tag, long request) {
    return object -> encodeLong(object.call(invoker, id, writer, reader, tag, request));
  }

  private static Invocation<Shadowing> decodeStore(byte[] request) {
    String object = null;
    String EMPTY = null;
    String value = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          object = reader.readString(tag);
          break;
        case 2:
          EMPTY = reader.readString(tag);
          break;
        case 3:
          value = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeStore(object, EMPTY, value);
  }

  private static Invocation<Shadowing> invokeStore(String object, String EMPTY, String value) {
    return object_ -> {
      object_.store(object, EMPTY, value);
      return Shadowing_Binding.EMPTY;
    };
  }

  private static Invocation<Shadowing> decodeNoArgs(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeNoArgs();
  }

  private static Invocation<Shadowing> invokeNoArgs() {
    return object -> encodeLong(object.noArgs());
  }

  private static Invocation<Shadowing> decodeEncodeNoArgs(byte[] request) {
    long async = 0L;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          async = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeEncodeNoArgs(async);
  }

  private static Invocation<Shadowing> invokeEncodeNoArgs(long async) {
    return object -> encodeLong(object.encodeNoArgs(async));
  }

  private static Invocation<Shadowing> decodeNoArgs_(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeNoArgs_();
  }

  private static Invocation<Shadowing> invokeNoArgs_() {
    return object -> encodeLong(object.NoArgs());
  }

  private static Invocation<Shadowing> decodeHandle(byte[] request) {
    long impl = 0L;
    long value = 0L;
    long method = 0L;
    long timeout = 0L;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          impl = reader.readInt64(tag);
          break;
        case 2:
          value = reader.readInt64(tag);
          break;
        case 3:
          method = reader.readInt64(tag);
          break;
        case 4:
          timeout = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeHandle(impl, value, method, timeout);
  }

  private static Invocation<Shadowing> invokeHandle(long impl, long value, long method,
      long timeout) {
    return object -> encodeLong(object.handle(impl, value, method, timeout));
  }

  private static StreamInvocation<Shadowing> decodeListen(byte[] request_) {
    String object = null;
    String sink = null;
    String request = null;
    ProtoReader reader = new ProtoReader(request_);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          object = reader.readString(tag);
          break;
        case 2:
          sink = reader.readString(tag);
          break;
        case 3:
          request = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeListen(object, sink, request);
  }

  private static StreamInvocation<Shadowing> invokeListen(String object, String sink,
      String request) {
    return (object_, sink_) -> object_.listen(object, sink, request, Streams.encoding(sink_,
        Shadowing_Binding::encodeString));
  }

  private static byte[] encodeLong(long value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
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
}
