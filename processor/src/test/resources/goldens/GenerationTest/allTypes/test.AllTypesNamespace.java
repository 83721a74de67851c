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
 * The objects of durable object class {@link AllTypes}, namespace {@code "AllTypes"}: makes their
 * ids and {@link AllTypesStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe. {@link #handler} serves calls with an implementation of {@link AllTypesApi} instead
 * of the object class, for typed fakes.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class AllTypesNamespace extends Namespace<AllTypesStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "AllTypes";

  private static final List<String> METHOD_NAMES = List.of("all", "echoBoolean", "echoByte",
      "echoShort", "echoChar", "echoInt", "echoLong", "echoFloat", "echoDouble", "echoBoxedBoolean",
      "echoBoxedByte", "echoBoxedShort", "echoBoxedChar", "echoBoxedInt", "echoBoxedLong",
      "echoBoxedFloat", "echoBoxedDouble", "echoString", "echoBytes", "setText", "fail");

  private static final byte[] EMPTY = new byte[0];

  private AllTypesNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static AllTypesNamespace of(Invoker invoker) {
    return new AllTypesNamespace(invoker);
  }

  @Override
  protected AllTypesStub newStub(ObjectId id) {
    return new AllTypesStub(invoker(), id);
  }

  /**
   * Serves calls to this namespace with {@code impl}: each request is decoded as {@link AllTypes}'s
   * binding would decode it, the method of {@code impl} is called, and its result is encoded as the
   * object's reply would be. For fakes in tests, for example
   * {@code kit.fake(AllTypesNamespace::of, AllTypesNamespace.handler(new FakeAllTypes()))}, where
   * {@code FakeAllTypes implements AllTypesApi}.
   *
   * <p>Whatever {@code impl} throws propagates unchanged, so a host or test kit reports it as it
   * would the object's own exception (and stubs rethrow declared exceptions typed). Streaming
   * methods cannot be served by a {@link CallHandler}: calling one fails with
   * {@link UnknownMethodException}, as does an unknown method name. The handler keeps no state; it
   * is as thread-safe as {@code impl}.
   *
   * @throws NullPointerException if {@code impl} is null
   */
  public static CallHandler handler(AllTypesApi impl) {
    Objects.requireNonNull(impl, "impl");
    return (id, method, request) -> {
      switch (method) {
        case "all":
          return handleAll(impl, request);
        case "echoBoolean":
          return handleEchoBoolean(impl, request);
        case "echoByte":
          return handleEchoByte(impl, request);
        case "echoShort":
          return handleEchoShort(impl, request);
        case "echoChar":
          return handleEchoChar(impl, request);
        case "echoInt":
          return handleEchoInt(impl, request);
        case "echoLong":
          return handleEchoLong(impl, request);
        case "echoFloat":
          return handleEchoFloat(impl, request);
        case "echoDouble":
          return handleEchoDouble(impl, request);
        case "echoBoxedBoolean":
          return handleEchoBoxedBoolean(impl, request);
        case "echoBoxedByte":
          return handleEchoBoxedByte(impl, request);
        case "echoBoxedShort":
          return handleEchoBoxedShort(impl, request);
        case "echoBoxedChar":
          return handleEchoBoxedChar(impl, request);
        case "echoBoxedInt":
          return handleEchoBoxedInt(impl, request);
        case "echoBoxedLong":
          return handleEchoBoxedLong(impl, request);
        case "echoBoxedFloat":
          return handleEchoBoxedFloat(impl, request);
        case "echoBoxedDouble":
          return handleEchoBoxedDouble(impl, request);
        case "echoString":
          return handleEchoString(impl, request);
        case "echoBytes":
          return handleEchoBytes(impl, request);
        case "setText":
          return handleSetText(impl, request);
        case "fail":
          return handleFail(impl, request);
        default:
          throw new UnknownMethodException("Namespace AllTypes has no method '" + method
              + "'; it has " + METHOD_NAMES);
      }
    };
  }

  private static byte[] handleAll(AllTypesApi impl, byte[] request) {
    boolean z = false;
    byte b = 0;
    short s = 0;
    char c = 0;
    int i = 0;
    long j = 0L;
    float f = 0.0f;
    double d = 0.0;
    Boolean boxedZ = null;
    Byte boxedB = null;
    Short boxedS = null;
    Character boxedC = null;
    Integer boxedI = null;
    Long boxedJ = null;
    Float boxedF = null;
    Double boxedD = null;
    String text = null;
    byte[] bytes = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          z = reader.readBool(tag);
          break;
        case 2:
          b = (byte) reader.readInt32(tag);
          break;
        case 3:
          s = (short) reader.readInt32(tag);
          break;
        case 4:
          c = (char) reader.readInt32(tag);
          break;
        case 5:
          i = reader.readInt32(tag);
          break;
        case 6:
          j = reader.readInt64(tag);
          break;
        case 7:
          f = reader.readFloat(tag);
          break;
        case 8:
          d = reader.readDouble(tag);
          break;
        case 9:
          boxedZ = reader.readBool(tag);
          break;
        case 10:
          boxedB = (byte) reader.readInt32(tag);
          break;
        case 11:
          boxedS = (short) reader.readInt32(tag);
          break;
        case 12:
          boxedC = (char) reader.readInt32(tag);
          break;
        case 13:
          boxedI = reader.readInt32(tag);
          break;
        case 14:
          boxedJ = reader.readInt64(tag);
          break;
        case 15:
          boxedF = reader.readFloat(tag);
          break;
        case 16:
          boxedD = reader.readDouble(tag);
          break;
        case 17:
          text = reader.readString(tag);
          break;
        case 18:
          bytes = reader.readBytes(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    String value = impl.all(z, b, s, c, i, j, f, d, boxedZ, boxedB, boxedS, boxedC, boxedI, boxedJ,
        boxedF, boxedD, text, bytes);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeString(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoolean(AllTypesApi impl, byte[] request) {
    boolean v = false;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readBool(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    boolean value = impl.echoBoolean(v);
    ProtoWriter writer = new ProtoWriter();
    if (value) {
      writer.writeBool(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoByte(AllTypesApi impl, byte[] request) {
    byte v = 0;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (byte) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    byte value = impl.echoByte(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoShort(AllTypesApi impl, byte[] request) {
    short v = 0;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (short) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    short value = impl.echoShort(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoChar(AllTypesApi impl, byte[] request) {
    char v = 0;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (char) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    char value = impl.echoChar(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoInt(AllTypesApi impl, byte[] request) {
    int v = 0;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    int value = impl.echoInt(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoLong(AllTypesApi impl, byte[] request) {
    long v = 0L;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    long value = impl.echoLong(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != 0L) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoFloat(AllTypesApi impl, byte[] request) {
    float v = 0.0f;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readFloat(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    float value = impl.echoFloat(v);
    ProtoWriter writer = new ProtoWriter();
    if (Float.floatToRawIntBits(value) != 0) {
      writer.writeFloat(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoDouble(AllTypesApi impl, byte[] request) {
    double v = 0.0;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readDouble(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    double value = impl.echoDouble(v);
    ProtoWriter writer = new ProtoWriter();
    if (Double.doubleToRawLongBits(value) != 0L) {
      writer.writeDouble(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedBoolean(AllTypesApi impl, byte[] request) {
    Boolean v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readBool(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Boolean value = impl.echoBoxedBoolean(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeBool(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedByte(AllTypesApi impl, byte[] request) {
    Byte v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (byte) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Byte value = impl.echoBoxedByte(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedShort(AllTypesApi impl, byte[] request) {
    Short v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (short) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Short value = impl.echoBoxedShort(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedChar(AllTypesApi impl, byte[] request) {
    Character v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = (char) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Character value = impl.echoBoxedChar(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedInt(AllTypesApi impl, byte[] request) {
    Integer v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Integer value = impl.echoBoxedInt(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedLong(AllTypesApi impl, byte[] request) {
    Long v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readInt64(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Long value = impl.echoBoxedLong(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt64(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedFloat(AllTypesApi impl, byte[] request) {
    Float v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readFloat(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Float value = impl.echoBoxedFloat(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeFloat(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBoxedDouble(AllTypesApi impl, byte[] request) {
    Double v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readDouble(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    Double value = impl.echoBoxedDouble(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeDouble(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoString(AllTypesApi impl, byte[] request) {
    String v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    String value = impl.echoString(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeString(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleEchoBytes(AllTypesApi impl, byte[] request) {
    byte[] v = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          v = reader.readBytes(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    byte[] value = impl.echoBytes(v);
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeBytes(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] handleSetText(AllTypesApi impl, byte[] request) throws Exception {
    String text = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          text = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    impl.setText(text);
    return EMPTY;
  }

  private static byte[] handleFail(AllTypesApi impl, byte[] request) {
    String message = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          message = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    impl.fail(message);
    return EMPTY;
  }
}
