package test;

import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Typed client for the durable object class {@link Shadowing}, namespace {@code "Shadowing"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message.
 *
 * <p>Get instances from {@link ShadowingNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ShadowingStub {
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
   * Calls {@link Shadowing#call(long, long, long, long, long, long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
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
  public void store(String object, String EMPTY, String value) {
    decodeStore(invoker.callBlocking("Shadowing", id, "store", encodeStore(object, EMPTY, value)));
  }

  /**
   * Calls {@link Shadowing#noArgs()} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  public long noArgs() {
    return decodeNoArgs(invoker.callBlocking("Shadowing", id, "noArgs", EMPTY));
  }

  /**
   * Calls {@link Shadowing#encodeNoArgs(long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
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
  public long NoArgs() {
    return decodeNoArgs_(invoker.callBlocking("Shadowing", id, "NoArgs", EMPTY));
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

  /**
   * Asynchronous view of a {@link ShadowingStub}: each method sends the same call and returns at
   * once. Its future completes with the result, or exceptionally with a {@link DuroException}
   * (wrapped in a {@code CompletionException} by dependent stages, as usual). Thread-safe.
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
  }
}
