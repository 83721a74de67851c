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
 * The objects of durable object class {@link Shadowing}, namespace {@code "Shadowing"}: makes their
 * ids and {@link ShadowingStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe. {@link #handler} serves calls with an implementation of {@link ShadowingApi} instead
 * of the object class, for typed fakes.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class ShadowingNamespace extends Namespace<ShadowingStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "Shadowing";

  private static final List<String> METHOD_NAMES = List.of("call", "store", "noArgs",
      "encodeNoArgs", "NoArgs", "handle", "listen");

  private static final byte[] EMPTY = new byte[0];

  private ShadowingNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static ShadowingNamespace of(Invoker invoker) {
    return new ShadowingNamespace(invoker);
  }

  @Override
  protected ShadowingStub newStub(ObjectId id) {
    return new ShadowingStub(invoker(), id);
  }

  /**
   * Serves calls to this namespace with {@code impl}: each request is decoded as
   * {@link Shadowing}'s binding would decode it, the method of {@code impl} is called, and its
   * result is encoded as the object's reply would be. For fakes in tests, for example
   * {@code kit.fake(ShadowingNamespace::of, ShadowingNamespace.handler(new FakeShadowing()))},
   * where {@code FakeShadowing implements ShadowingApi}.
   *
   * <p>Whatever {@code impl} throws propagates unchanged, so a host or test kit reports it as it
   * would the object's own exception (and stubs rethrow declared exceptions typed). Streaming
   * methods cannot be served by a {@link CallHandler}: calling one fails with
   * {@link UnknownMethodException}, as does an unknown method name. The handler keeps no state; it
   * is as thread-safe as {@code impl}.
   *
   * @throws NullPointerException if {@code impl} is null
   */
  public static CallHandler handler(ShadowingApi impl) {
    Objects.requireNonNull(impl, "impl");
    return (id, method, request) -> {
      switch (method) {
        case "call":
          return handleCall(impl, request);
        case "store":
          return handleStore(impl, request);
        case "noArgs":
          return handleNoArgs(impl, request);
        case "encodeNoArgs":
          return handleEncodeNoArgs(impl, request);
        case "NoArgs":
          return handleNoArgs_(impl, request);
        case "handle":
          return handleHandle(impl, request);
        case "listen":
          throw new UnknownMethodException("Method 'listen' of namespace Shadowing"
              + " is a streaming method, which a CallHandler cannot serve");
        default:
          throw new UnknownMethodException("Namespace Shadowing has no method '" + method
              + "'; it has " + METHOD_NAMES);
      }
    };
  }

  private static byte[] handleCall(ShadowingApi impl, byte[] request_) {
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
    long value = impl.call(invoker, id, writer, reader, tag, request);
    ProtoWriter writer_ = new ProtoWriter();
    if (value != 0L) {
      writer_.writeInt64(1, value);
    }
    return writer_.toByteArray();
  }

  private static byte[] handleStore(ShadowingApi impl, byte[] request) {
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
    impl.store(object, EMPTY, value);
    return ShadowingNamespace.EMPTY;
  }

  private static byte[] handleNoArgs(ShadowingApi impl, byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    long value = impl.noArgs();
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEncodeNoArgs(ShadowingApi impl, byte[] request) {
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
    long value = impl.encodeNoArgs(async);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleNoArgs_(ShadowingApi impl, byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    long value = impl.NoArgs();
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleHandle(ShadowingApi impl_, byte[] request) {
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
    long value_ = impl_.handle(impl, value, method, timeout);
    ProtoWriter writer = new ProtoWriter();
    if (value_ != 0L) {
      writer.writeInt64(1, value_);
    }
    return writer.toByteArray();
  }
}
