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
 * Typed client for the durable object class {@link Shadowing}, namespace {@code "Shadowing"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message. Streaming methods return a
 * {@link java.util.concurrent.Flow.Publisher} of the object's events instead. {@link #withDeadline}
 * gives calls a deadline.
 *
 * <p>Get instances from {@link ShadowingNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ShadowingStub implements ShadowingApi {
  private static final byte[] EMPTY = new byte[0];

  private final Invoker invoker;

  private final ObjectId id;

  private final Async async;

  /**
   * Made by {@link ShadowingNamespace}.
   */
  ShadowingStub(Invoker invoker, ObjectId id) {
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
  public ShadowingStub withDeadline(Duration timeout) {
    return new ShadowingStub(Calls.withTimeout(invoker, timeout), id);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   */
  public ShadowingStub withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /**
   * Calls {@link Shadowing#call(long, long, long, long, long, long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long call(long invoker, long id, long writer, long reader, long tag, long request) {
    return decodeCall(this.invoker.callBlocking("Shadowing", this.id, "call", encodeCall(invoker,
        id, writer, reader, tag, request)));
  }

  /**
   * Calls {@link Shadowing#store(String, String, String)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void store(String object, String EMPTY, String value) {
    decodeStore(invoker.callBlocking("Shadowing", id, "store", encodeStore(object, EMPTY, value)));
  }

  /**
   * Calls {@link Shadowing#noArgs()} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long noArgs() {
    return decodeNoArgs(invoker.callBlocking("Shadowing", id, "noArgs", EMPTY));
  }

  /**
   * Calls {@link Shadowing#encodeNoArgs(long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long encodeNoArgs(long async) {
    return decodeEncodeNoArgs(invoker.callBlocking("Shadowing", id, "encodeNoArgs",
        encodeEncodeNoArgs(async)));
  }

  /**
   * Calls {@link Shadowing#NoArgs()} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long NoArgs() {
    return decodeNoArgs_(invoker.callBlocking("Shadowing", id, "NoArgs", EMPTY));
  }

  /**
   * Calls {@link Shadowing#handle(long, long, long, long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long handle(long impl, long value, long method, long timeout) {
    return decodeHandle(invoker.callBlocking("Shadowing", id, "handle", encodeHandle(impl, value,
        method, timeout)));
  }

  /**
   * Subscribes to {@link Shadowing#listen(String, String, String, dev.duro.EventSink)} on the
   * object.
   *
   * <p>A streaming method: each {@code subscribe} to the returned publisher makes one call, and the
   * subscriber receives the events the object sends to {@code events}, in order. Nothing is sent
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
  public Flow.Publisher<String> listen(String object, String sink, String request) {
    return Streams.map(invoker.stream("Shadowing", id, "listen", encodeListen(object, sink,
        request)), ShadowingStub::decodeListen);
  }

  /**
   * The asynchronous view of this stub, calling the same object.
   */
  public Async async() {
    return async;
  }

  @Override
  public String toString() {
    return "ShadowingStub[" + id + "]";
  }

  private static byte[] encodeCall(long invoker, long id, long writer, long reader, long tag,
      long request) {
    ProtoWriter writer_ = new ProtoWriter();
    if (invoker != 0L) {
      writer_.writeInt64(1, invoker);
    }
    if (id != 0L) {
      writer_.writeInt64(2, id);
    }
    if (writer != 0L) {
      writer_.writeInt64(3, writer);
    }
    if (reader != 0L) {
      writer_.writeInt64(4, reader);
    }
    if (tag != 0L) {
      writer_.writeInt64(5, tag);
    }
    if (request != 0L) {
      writer_.writeInt64(6, request);
    }
    return writer_.toByteArray();
  }

  private static long decodeCall(byte[] reply) {
    long value = 0L;
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
    return value;
  }

  private static byte[] encodeStore(String object, String EMPTY, String value) {
    ProtoWriter writer = new ProtoWriter();
    if (object != null) {
      writer.writeString(1, object);
    }
    if (EMPTY != null) {
      writer.writeString(2, EMPTY);
    }
    if (value != null) {
      writer.writeString(3, value);
    }
    return writer.toByteArray();
  }

  private static Void decodeStore(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  private static long decodeNoArgs(byte[] reply) {
    long value = 0L;
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
    return value;
  }

  private static byte[] encodeEncodeNoArgs(long async) {
    ProtoWriter writer = new ProtoWriter();
    if (async != 0L) {
      writer.writeInt64(1, async);
    }
    return writer.toByteArray();
  }

  private static long decodeEncodeNoArgs(byte[] reply) {
    long value = 0L;
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
    return value;
  }

  private static long decodeNoArgs_(byte[] reply) {
    long value = 0L;
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
    return value;
  }

  private static byte[] encodeHandle(long impl, long value, long method, long timeout) {
    ProtoWriter writer = new ProtoWriter();
    if (impl != 0L) {
      writer.writeInt64(1, impl);
    }
    if (value != 0L) {
      writer.writeInt64(2, value);
    }
    if (method != 0L) {
      writer.writeInt64(3, method);
    }
    if (timeout != 0L) {
      writer.writeInt64(4, timeout);
    }
    return writer.toByteArray();
  }

  private static long decodeHandle(byte[] reply) {
    long value = 0L;
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
    return value;
  }

  private static byte[] encodeListen(String object, String sink, String request) {
    ProtoWriter writer = new ProtoWriter();
    if (object != null) {
      writer.writeString(1, object);
    }
    if (sink != null) {
      writer.writeString(2, sink);
    }
    if (request != null) {
      writer.writeString(3, request);
    }
    return writer.toByteArray();
  }

  private static String decodeListen(byte[] reply) {
    String value = null;
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    if (value == null) {
      throw new CodecException("An event of listen has no value (field 1)");
    }
    return value;
  }

  /**
   * Asynchronous view of a {@link ShadowingStub}: each method sends the same call and returns at
   * once. Its future completes with the result, or exceptionally with a {@link DuroException}
   * (wrapped in a {@code CompletionException} by dependent stages, as usual). Streaming methods are
   * on the stub only: their publishers are asynchronous already. Thread-safe.
   */
  @DuroGenerated
  public final class Async {
    private Async() {
    }

    /**
     * Asynchronous {@link ShadowingStub#call(long, long, long, long, long, long)}.
     */
    public CompletableFuture<Long> call(long invoker, long id, long writer, long reader, long tag,
        long request) {
      return ShadowingStub.this.invoker.call("Shadowing", ShadowingStub.this.id, "call",
          encodeCall(invoker, id, writer, reader, tag, request))
          .thenApply(ShadowingStub::decodeCall);
    }

    /**
     * Asynchronous {@link ShadowingStub#store(String, String, String)}.
     */
    public CompletableFuture<Void> store(String object, String EMPTY, String value) {
      return invoker.call("Shadowing", id, "store", encodeStore(object, EMPTY, value))
          .thenApply(ShadowingStub::decodeStore);
    }

    /**
     * Asynchronous {@link ShadowingStub#noArgs()}.
     */
    public CompletableFuture<Long> noArgs() {
      return invoker.call("Shadowing", id, "noArgs", EMPTY).thenApply(ShadowingStub::decodeNoArgs);
    }

    /**
     * Asynchronous {@link ShadowingStub#encodeNoArgs(long)}.
     */
    public CompletableFuture<Long> encodeNoArgs(long async) {
      return invoker.call("Shadowing", id, "encodeNoArgs", encodeEncodeNoArgs(async))
          .thenApply(ShadowingStub::decodeEncodeNoArgs);
    }

    /**
     * Asynchronous {@link ShadowingStub#NoArgs()}.
     */
    public CompletableFuture<Long> NoArgs() {
      return invoker.call("Shadowing", id, "NoArgs", EMPTY).thenApply(ShadowingStub::decodeNoArgs_);
    }

    /**
     * Asynchronous {@link ShadowingStub#handle(long, long, long, long)}.
     */
    public CompletableFuture<Long> handle(long impl, long value, long method, long timeout) {
      return invoker.call("Shadowing", id, "handle", encodeHandle(impl, value, method, timeout))
          .thenApply(ShadowingStub::decodeHandle);
    }
  }
}
