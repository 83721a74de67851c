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
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link ChatRoom} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ChatRoom_Binding implements ObjectBinding<ChatRoom> {
  private static final List<String> METHOD_NAMES = List.of("join", "post", "watch", "close");

  private static final List<String> FIELD_NAMES = List.of("posts");

  private static final byte[] EMPTY = new byte[0];

  static {
    ChatRoom_Codecs.registerValueCodecs();
  }

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public ChatRoom_Binding() {
  }

  @Override
  public String namespace() {
    return "ChatRoom";
  }

  @Override
  public Class<ChatRoom> objectClass() {
    return ChatRoom.class;
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
  public ChatRoom newInstance(ObjectContext context) {
    return new ChatRoom();
  }

  @Override
  public Invocation<ChatRoom> decode(String method, byte[] request) {
    switch (method) {
      case "join":
        throw new UnknownMethodException("Method 'join' of namespace ChatRoom"
            + " is a streaming method: call it with Invoker.stream");
      case "post":
        return decodePost(request);
      case "watch":
        throw new UnknownMethodException("Method 'watch' of namespace ChatRoom"
            + " is a streaming method: call it with Invoker.stream");
      case "close":
        return decodeClose(request);
      default:
        throw new UnknownMethodException("Namespace ChatRoom has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  public boolean isStream(String method) {
    switch (method) {
      case "join":
      case "watch":
        return true;
      default:
        return false;
    }
  }

  @Override
  public StreamInvocation<ChatRoom> decodeStream(String method, byte[] request) {
    switch (method) {
      case "join":
        return decodeJoin(request);
      case "watch":
        return decodeWatch(request);
      default:
        if (METHOD_NAMES.contains(method)) {
          throw new UnknownMethodException("Method '" + method
              + "' of namespace ChatRoom is not a streaming method"
              + ": call it with Invoker.call");
        }
        throw new UnknownMethodException("Namespace ChatRoom has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(ChatRoom object, FieldSink sink) {
    sink.put("posts", encodeLong(object.posts));
  }

  @Override
  public void readFields(ChatRoom object, FieldSource source) {
    object.posts = decodeLong(source.get("posts"));
  }

  @Override
  public void onActivate(ChatRoom object) throws Exception {
  }

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(ChatRoom object, AlarmInfo info) throws Exception {
  }

  private static StreamInvocation<ChatRoom> decodeJoin(byte[] request) {
    String user = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          user = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeJoin(user);
  }

  private static StreamInvocation<ChatRoom> invokeJoin(String user) {
    return (object, sink) -> object.join(user, Streams.encoding(sink,
        ChatRoom_Binding::encodeChatRoom_Message));
  }

  private static Invocation<ChatRoom> decodePost(byte[] request) {
    String from = null;
    String text = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          from = reader.readString(tag);
          break;
        case 2:
          text = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokePost(from, text);
  }

  private static Invocation<ChatRoom> invokePost(String from, String text) {
    return object -> encodeInt(object.post(from, text));
  }

  private static StreamInvocation<ChatRoom> decodeWatch(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeWatch();
  }

  private static StreamInvocation<ChatRoom> invokeWatch() {
    return (object, sink) -> object.watch(Streams.encoding(sink,
        ChatRoom_Binding::encodeBoxedLong));
  }

  private static Invocation<ChatRoom> decodeClose(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeClose();
  }

  private static Invocation<ChatRoom> invokeClose() {
    return object -> {
      object.close();
      return EMPTY;
    };
  }

  private static byte[] encodeInt(int value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
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

  private static byte[] encodeChatRoom_Message(ChatRoom.Message value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      try {
        writer.writeMessage(1, ChatRoom_Codecs.encodeChatRoom_Message(value));
      } catch (CodecException x) {
        throw x.under("value");
      }
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
