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
 * The objects of durable object class {@link Counter}, namespace {@code "Counter"}: makes their ids
 * and {@link CounterStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe. {@link #handler} serves calls with an implementation of {@link CounterApi} instead
 * of the object class, for typed fakes.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class CounterNamespace extends Namespace<CounterStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "Counter";

  private static final List<String> METHOD_NAMES = List.of("increment", "get");

  private CounterNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static CounterNamespace of(Invoker invoker) {
    return new CounterNamespace(invoker);
  }

  @Override
  protected CounterStub newStub(ObjectId id) {
    return new CounterStub(invoker(), id);
  }

  /**
   * Serves calls to this namespace with {@code impl}: each request is decoded as {@link Counter}'s
   * binding would decode it, the method of {@code impl} is called, and its result is encoded as the
   * object's reply would be. For fakes in tests, for example
   * {@code kit.fake(CounterNamespace::of, CounterNamespace.handler(new FakeCounter()))}, where
   * {@code FakeCounter implements CounterApi}.
   *
   * <p>Whatever {@code impl} throws propagates unchanged, so a host or test kit reports it as it
   * would the object's own exception (and stubs rethrow declared exceptions typed). Streaming
   * methods cannot be served by a {@link CallHandler}: calling one fails with
   * {@link UnknownMethodException}, as does an unknown method name. The handler keeps no state; it
   * is as thread-safe as {@code impl}.
   *
   * @throws NullPointerException if {@code impl} is null
   */
  public static CallHandler handler(CounterApi impl) {
    Objects.requireNonNull(impl, "impl");
    return (id, method, request) -> {
      switch (method) {
        case "increment":
          return handleIncrement(impl, request);
        case "get":
          return handleGet(impl, request);
        default:
          throw new UnknownMethodException("Namespace Counter has no method '" + method
              + "'; it has " + METHOD_NAMES);
      }
    };
  }

  private static byte[] handleIncrement(CounterApi impl, byte[] request) {
    long by = 0L;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          by = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    long value = impl.increment(by);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleGet(CounterApi impl, byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    long value = impl.get();
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }
}
