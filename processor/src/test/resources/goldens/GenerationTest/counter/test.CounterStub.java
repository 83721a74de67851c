package test;

import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Calls;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Generated;

/**
 * Typed client for the durable object class {@link Counter}, namespace {@code "Counter"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message. {@link #withDeadline} gives calls a
 * deadline.
 *
 * <p>Get instances from {@link CounterNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class CounterStub implements CounterApi {
  private static final byte[] EMPTY = new byte[0];

  private final Invoker invoker;

  private final ObjectId id;

  private final Async async;

  /**
   * Made by {@link CounterNamespace}.
   */
  CounterStub(Invoker invoker, ObjectId id) {
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
  public CounterStub withDeadline(Duration timeout) {
    return new CounterStub(Calls.withTimeout(invoker, timeout), id);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   */
  public CounterStub withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /**
   * Adds {@code by}.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long increment(long by) {
    return decodeIncrement(invoker.callBlocking("Counter", id, "increment", encodeIncrement(by)));
  }

  /**
   * Calls {@link Counter#get()} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long get() {
    return decodeGet(invoker.callBlocking("Counter", id, "get", EMPTY));
  }

  /**
   * The asynchronous view of this stub, calling the same object.
   */
  public Async async() {
    return async;
  }

  @Override
  public String toString() {
    return "CounterStub[" + id + "]";
  }

  private static byte[] encodeIncrement(long by) {
    ProtoWriter writer = new ProtoWriter();
    if (by != 0L) {
      writer.writeInt64(1, by);
    }
    return writer.toByteArray();
  }

  private static long decodeIncrement(byte[] reply) {
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

  private static long decodeGet(byte[] reply) {
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
   * Asynchronous view of a {@link CounterStub}: each method sends the same call and returns at
   * once. Its future completes with the result, or exceptionally with a {@link DuroException}
   * (wrapped in a {@code CompletionException} by dependent stages, as usual). Thread-safe.
   */
  @DuroGenerated
  public final class Async {
    private Async() {
    }

    /**
     * Asynchronous {@link CounterStub#increment(long)}.
     */
    public CompletableFuture<Long> increment(long by) {
      return invoker.call("Counter", id, "increment", encodeIncrement(by))
          .thenApply(CounterStub::decodeIncrement);
    }

    /**
     * Asynchronous {@link CounterStub#get()}.
     */
    public CompletableFuture<Long> get() {
      return invoker.call("Counter", id, "get", EMPTY).thenApply(CounterStub::decodeGet);
    }
  }
}
