package test;

import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Calls;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import dev.duro.binding.Streams;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Generated;

/**
 * Typed client for the durable object class {@link ChatRoom}, namespace {@code "ChatRoom"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message. Streaming methods return a
 * {@link java.util.concurrent.Flow.Publisher} of the object's events instead. {@link #withDeadline}
 * gives calls a deadline.
 *
 * <p>Get instances from {@link ChatRoomNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ChatRoomStub implements ChatRoomApi {
  private static final byte[] EMPTY = new byte[0];

  private final Invoker invoker;

  private final ObjectId id;

  private final Async async;

  /**
   * Made by {@link ChatRoomNamespace}.
   */
  ChatRoomStub(Invoker invoker, ObjectId id) {
    this.invoker = invoker;
    this.id = id;
    this.async = new Async();
  }

  /**
   * The id of the object this stub calls.
   */
  public ObjectId id() {
    return id;
  }

  /**
   * A stub for the same object whose calls each get a deadline {@code timeout} after they are sent:
   * blocking calls, {@link #async()} calls and subscriptions to streaming methods. It replaces this
   * stub's own deadline, if any; an earlier deadline of the caller still wins (the calling turn's
   * or {@link CallContext}'s, or the invoker's own, such as a client's with a deadline). A call
   * still waiting when its deadline passes fails with {@link DeadlineExceededException}; if its
   * turn had not started, it never runs. A stream's deadline bounds the whole stream.
   *
   * <p>Cheap: make one per timeout and keep it, or one per call.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public ChatRoomStub withDeadline(Duration timeout) {
    return new ChatRoomStub(Calls.withTimeout(invoker, timeout), id);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   */
  public ChatRoomStub withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /**
   * Joins the room as {@code user}: every later {@link ChatRoom#post} is sent to {@code events}.
   *
   * <p>A streaming method: each {@code subscribe} to the returned publisher makes one call, and the
   * subscriber receives the events the object sends to {@code events}, in order. Nothing is sent
   * before a subscription. {@code request(n)} is flow control: the object's sink holds back (and,
   * when full, refuses) events not yet requested. {@code cancel()} ends the call, and the object's
   * {@code onClose} actions run. Errors arrive in {@code onError} as {@link DuroException}s, a
   * {@link RemoteFailureException} if the object's method threw; exceptions the method declares are
   * not rethrown as their own types for streams.
   *
   * @param user who joins
   * @return the events of one call per subscription
   * @throws DuroException if an argument cannot be encoded; call failures arrive in {@code onError}
   */
  @Override
  public Flow.Publisher<ChatRoom.Message> join(String user) {
    return Streams.map(invoker.stream("ChatRoom", id, "join", encodeJoin(user)),
        ChatRoomStub::decodeJoin);
  }

  /**
   * Sends a message to every member; returns how many accepted it.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public int post(String from, String text) {
    return decodePost(invoker.callBlocking("ChatRoom", id, "post", encodePost(from, text)));
  }

  /**
   * Subscribes to {@link ChatRoom#watch(dev.duro.EventSink)} on the object.
   *
   * <p>A streaming method: each {@code subscribe} to the returned publisher makes one call, and the
   * subscriber receives the events the object sends to {@code counts}, in order. Nothing is sent
   * before a subscription. {@code request(n)} is flow control: the object's sink holds back (and,
   * when full, refuses) events not yet requested. {@code cancel()} ends the call, and the object's
   * {@code onClose} actions run. Errors arrive in {@code onError} as {@link DuroException}s, a
   * {@link RemoteFailureException} if the object's method threw; exceptions the method declares are
   * not rethrown as their own types for streams.
   *
   * @return the events of one call per subscription
   * @throws DuroException if an argument cannot be encoded; call failures arrive in {@code onError}
   */
  @Override
  public Flow.Publisher<Long> watch() {
    return Streams.map(invoker.stream("ChatRoom", id, "watch", EMPTY), ChatRoomStub::decodeWatch);
  }

  /**
   * Ends every member's stream.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void close() {
    decodeClose(invoker.callBlocking("ChatRoom", id, "close", EMPTY));
  }

  /**
   * The asynchronous view of this stub, calling the same object.
   */
  public Async async() {
    return async;
  }

  @Override
  public String toString() {
    return "ChatRoomStub[" + id + "]";
  }

  private static byte[] encodeJoin(String user) {
    ProtoWriter writer = new ProtoWriter();
    if (user != null) {
      writer.writeString(1, user);
    }
    return writer.toByteArray();
  }

  private static ChatRoom.Message decodeJoin(byte[] reply) {
    ChatRoom.Message value = null;
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = ChatRoom_Codecs.decodeChatRoom_Message(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    if (value == null) {
      throw new CodecException("An event of join has no value (field 1)");
    }
    return value;
  }

  private static byte[] encodePost(String from, String text) {
    ProtoWriter writer = new ProtoWriter();
    if (from != null) {
      writer.writeString(1, from);
    }
    if (text != null) {
      writer.writeString(2, text);
    }
    return writer.toByteArray();
  }

  private static int decodePost(byte[] reply) {
    int value = 0;
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Long decodeWatch(byte[] reply) {
    Long value = null;
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    if (value == null) {
      throw new CodecException("An event of watch has no value (field 1)");
    }
    return value;
  }

  private static Void decodeClose(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  /**
   * Asynchronous view of a {@link ChatRoomStub}: each method sends the same call and returns at
   * once. Its future completes with the result, or exceptionally with a {@link DuroException}
   * (wrapped in a {@code CompletionException} by dependent stages, as usual). Streaming methods are
   * on the stub only: their publishers are asynchronous already. Thread-safe.
   */
  @DuroGenerated
  public final class Async {
    private Async() {
    }

    /**
     * Asynchronous {@link ChatRoomStub#post(String, String)}.
     */
    public CompletableFuture<Integer> post(String from, String text) {
      return invoker.call("ChatRoom", id, "post", encodePost(from, text))
          .thenApply(ChatRoomStub::decodePost);
    }

    /**
     * Asynchronous {@link ChatRoomStub#close()}.
     */
    public CompletableFuture<Void> close() {
      return invoker.call("ChatRoom", id, "close", EMPTY).thenApply(ChatRoomStub::decodeClose);
    }
  }
}
