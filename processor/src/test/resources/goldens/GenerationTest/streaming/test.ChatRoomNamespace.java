package test;

import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallHandler;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The objects of durable object class {@link ChatRoom}, namespace {@code "ChatRoom"}: makes their
 * ids and {@link ChatRoomStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe. {@link #handler} serves calls with an implementation of {@link ChatRoomApi} instead
 * of the object class, for typed fakes.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ChatRoomNamespace extends Namespace<ChatRoomStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "ChatRoom";

  private static final List<String> METHOD_NAMES = List.of("join", "post", "watch", "close");

  private static final byte[] EMPTY = new byte[0];

  private ChatRoomNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static ChatRoomNamespace of(Invoker invoker) {
    return new ChatRoomNamespace(invoker);
  }

  @Override
  protected ChatRoomStub newStub(ObjectId id) {
    return new ChatRoomStub(invoker(), id);
  }

  /**
   * Serves calls to this namespace with {@code impl}: each request is decoded as {@link ChatRoom}'s
   * binding would decode it, the method of {@code impl} is called, and its result is encoded as the
   * object's reply would be. For fakes in tests, for example
   * {@code kit.fake(ChatRoomNamespace::of, ChatRoomNamespace.handler(new FakeChatRoom()))}, where
   * {@code FakeChatRoom implements ChatRoomApi}.
   *
   * <p>Whatever {@code impl} throws propagates unchanged, so a host or test kit reports it as it
   * would the object's own exception (and stubs rethrow declared exceptions typed). Streaming
   * methods cannot be served by a {@link CallHandler}: calling one fails with
   * {@link UnknownMethodException}, as does an unknown method name. The handler keeps no state; it
   * is as thread-safe as {@code impl}.
   *
   * @throws NullPointerException if {@code impl} is null
   */
  public static CallHandler handler(ChatRoomApi impl) {
    Objects.requireNonNull(impl, "impl");
    return (id, method, request) -> {
      switch (method) {
        case "join":
          throw new UnknownMethodException("Method 'join' of namespace ChatRoom"
              + " is a streaming method, which a CallHandler cannot serve");
        case "post":
          return handlePost(impl, request);
        case "watch":
          throw new UnknownMethodException("Method 'watch' of namespace ChatRoom"
              + " is a streaming method, which a CallHandler cannot serve");
        case "close":
          return handleClose(impl, request);
        default:
          throw new UnknownMethodException("Namespace ChatRoom has no method '" + method
              + "'; it has " + METHOD_NAMES);
      }
    };
  }

  private static byte[] handlePost(ChatRoomApi impl, byte[] request) {
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
    int value = impl.post(from, text);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleClose(ChatRoomApi impl, byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    impl.close();
    return EMPTY;
  }
}
