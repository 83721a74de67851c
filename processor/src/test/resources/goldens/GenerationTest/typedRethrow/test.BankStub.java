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
 * Typed client for the durable object class {@link Bank}, namespace {@code "Bank"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message. {@link #withDeadline} gives calls a
 * deadline.
 *
 * <p>Get instances from {@link BankNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class BankStub implements BankApi {
  private static final byte[] EMPTY = new byte[0];

  private final Invoker invoker;

  private final ObjectId id;

  private final Async async;

  /**
   * Made by {@link BankNamespace}.
   */
  BankStub(Invoker invoker, ObjectId id) {
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
  public BankStub withDeadline(Duration timeout) {
    return new BankStub(Calls.withTimeout(invoker, timeout), id);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   */
  public BankStub withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /**
   * Calls {@link Bank#withdraw(long)} on the object.
   *
   * @throws Bank.InsufficientFunds if the object's method threw exactly this type (a new instance,
   *     with the remote failure as cause)
   * @throws Bank.Audited never: the stub cannot construct it, so it throws a
   *     {@link RemoteFailureException}
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long withdraw(long amount) throws Bank.InsufficientFunds, Bank.Audited {
    try {
      return decodeWithdraw(invoker.callBlocking("Bank", id, "withdraw", encodeWithdraw(amount)));
    } catch (RemoteFailureException failure) {
      Throwable typed = typedWithdraw(failure);
      if (typed instanceof Bank.InsufficientFunds) {
        throw (Bank.InsufficientFunds) typed;
      }
      throw failure;
    }
  }

  /**
   * Calls {@link Bank#freeze(boolean)} on the object.
   *
   * @throws Bank.Frozen if the object's method threw exactly this type (a new instance, with the
   *     remote failure as cause)
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void freeze(boolean failure) throws Bank.Frozen {
    try {
      decodeFreeze(invoker.callBlocking("Bank", id, "freeze", encodeFreeze(failure)));
    } catch (RemoteFailureException failure_) {
      Throwable typed = typedFreeze(failure_);
      if (typed instanceof Bank.Frozen) {
        throw (Bank.Frozen) typed;
      }
      throw failure_;
    }
  }

  /**
   * Calls {@link Bank#check()} on the object.
   *
   * @throws Bank.Frozen if the object's method threw exactly this type (a new instance, with the
   *     remote failure as cause)
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void check() throws Bank.Frozen {
    try {
      decodeCheck(invoker.callBlocking("Bank", id, "check", EMPTY));
    } catch (RemoteFailureException failure) {
      Throwable typed = typedCheck(failure);
      if (typed instanceof Bank.Frozen) {
        throw (Bank.Frozen) typed;
      }
      throw failure;
    }
  }

  /**
   * Calls {@link Bank#deposit(long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long deposit(long amount) {
    return decodeDeposit(invoker.callBlocking("Bank", id, "deposit", encodeDeposit(amount)));
  }

  /**
   * The asynchronous view of this stub, calling the same object.
   */
  public Async async() {
    return async;
  }

  @Override
  public String toString() {
    return "BankStub[" + id + "]";
  }

  private static byte[] encodeWithdraw(long amount) {
    ProtoWriter writer = new ProtoWriter();
    if (amount != 0L) {
      writer.writeInt64(1, amount);
    }
    return writer.toByteArray();
  }

  private static long decodeWithdraw(byte[] reply) {
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

  private static Throwable typedWithdraw(RemoteFailureException failure) {
    String type = failure.remoteType();
    if (type.equals("test.Bank$InsufficientFunds")) {
      return Calls.withCause(new Bank.InsufficientFunds(failure.remoteMessage()), failure);
    }
    return failure;
  }

  private static byte[] encodeFreeze(boolean failure) {
    ProtoWriter writer = new ProtoWriter();
    if (failure) {
      writer.writeBool(1, failure);
    }
    return writer.toByteArray();
  }

  private static Void decodeFreeze(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  private static Throwable typedFreeze(RemoteFailureException failure) {
    String type = failure.remoteType();
    if (type.equals("test.Bank$Frozen")) {
      return Calls.withCause(new Bank.Frozen(), failure);
    }
    return failure;
  }

  private static Void decodeCheck(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  private static Throwable typedCheck(RemoteFailureException failure) {
    String type = failure.remoteType();
    if (type.equals("test.Bank$Frozen")) {
      return Calls.withCause(new Bank.Frozen(), failure);
    }
    return failure;
  }

  private static byte[] encodeDeposit(long amount) {
    ProtoWriter writer = new ProtoWriter();
    if (amount != 0L) {
      writer.writeInt64(1, amount);
    }
    return writer.toByteArray();
  }

  private static long decodeDeposit(byte[] reply) {
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
   * Asynchronous view of a {@link BankStub}: each method sends the same call and returns at once.
   * Its future completes with the result, or exceptionally with a {@link DuroException} (wrapped in
   * a {@code CompletionException} by dependent stages, as usual). Thread-safe.
   */
  @DuroGenerated
  public final class Async {
    private Async() {
    }

    /**
     * Asynchronous {@link BankStub#withdraw(long)}.
     */
    public CompletableFuture<Long> withdraw(long amount) {
      return invoker.call("Bank", id, "withdraw", encodeWithdraw(amount))
          .thenApply(BankStub::decodeWithdraw)
          .exceptionallyCompose(failure -> Calls.failed(failure, BankStub::typedWithdraw));
    }

    /**
     * Asynchronous {@link BankStub#freeze(boolean)}.
     */
    public CompletableFuture<Void> freeze(boolean failure) {
      return invoker.call("Bank", id, "freeze", encodeFreeze(failure))
          .thenApply(BankStub::decodeFreeze)
          .exceptionallyCompose(failure_ -> Calls.failed(failure_, BankStub::typedFreeze));
    }

    /**
     * Asynchronous {@link BankStub#check()}.
     */
    public CompletableFuture<Void> check() {
      return invoker.call("Bank", id, "check", EMPTY).thenApply(BankStub::decodeCheck)
          .exceptionallyCompose(failure -> Calls.failed(failure, BankStub::typedCheck));
    }

    /**
     * Asynchronous {@link BankStub#deposit(long)}.
     */
    public CompletableFuture<Long> deposit(long amount) {
      return invoker.call("Bank", id, "deposit", encodeDeposit(amount))
          .thenApply(BankStub::decodeDeposit);
    }
  }
}
