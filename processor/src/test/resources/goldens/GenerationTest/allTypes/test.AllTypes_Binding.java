package test;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link AllTypes} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class AllTypes_Binding implements ObjectBinding<AllTypes> {
  private static final List<String> METHOD_NAMES = List.of("all", "echoBoolean", "echoByte",
      "echoShort", "echoChar", "echoInt", "echoLong", "echoFloat", "echoDouble", "echoBoxedBoolean",
      "echoBoxedByte", "echoBoxedShort", "echoBoxedChar", "echoBoxedInt", "echoBoxedLong",
      "echoBoxedFloat", "echoBoxedDouble", "echoString", "echoBytes", "setText", "fail");

  private static final List<String> FIELD_NAMES = List.of("z", "b", "s", "c", "i", "j", "f", "d",
      "boxedZ", "boxedB", "boxedS", "boxedC", "boxedI", "boxedJ", "boxedF", "boxedD", "text",
      "bytes");

  private static final byte[] EMPTY = new byte[0];

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public AllTypes_Binding() {
  }

  @Override
  public String namespace() {
    return "AllTypes";
  }

  @Override
  public Class<AllTypes> objectClass() {
    return AllTypes.class;
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
  public AllTypes newInstance(ObjectContext context) {
    return new AllTypes();
  }

  @Override
  public Invocation<AllTypes> decode(String method, byte[] request) {
    switch (method) {
      case "all":
        return decodeAll(request);
      case "echoBoolean":
        return decodeEchoBoolean(request);
      case "echoByte":
        return decodeEchoByte(request);
      case "echoShort":
        return decodeEchoShort(request);
      case "echoChar":
        return decodeEchoChar(request);
      case "echoInt":
        return decodeEchoInt(request);
      case "echoLong":
        return decodeEchoLong(request);
      case "echoFloat":
        return decodeEchoFloat(request);
      case "echoDouble":
        return decodeEchoDouble(request);
      case "echoBoxedBoolean":
        return decodeEchoBoxedBoolean(request);
      case "echoBoxedByte":
        return decodeEchoBoxedByte(request);
      case "echoBoxedShort":
        return decodeEchoBoxedShort(request);
      case "echoBoxedChar":
        return decodeEchoBoxedChar(request);
      case "echoBoxedInt":
        return decodeEchoBoxedInt(request);
      case "echoBoxedLong":
        return decodeEchoBoxedLong(request);
      case "echoBoxedFloat":
        return decodeEchoBoxedFloat(request);
      case "echoBoxedDouble":
        return decodeEchoBoxedDouble(request);
      case "echoString":
        return decodeEchoString(request);
      case "echoBytes":
        return decodeEchoBytes(request);
      case "setText":
        return decodeSetText(request);
      case "fail":
        return decodeFail(request);
      default:
        throw new UnknownMethodException("Namespace AllTypes has no method '" + method
            + "'; it has " + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(AllTypes object, FieldSink sink) {
    sink.put("z", encodeBoolean(object.z));
    sink.put("b", encodeByte(object.b));
    sink.put("s", encodeShort(object.s));
    sink.put("c", encodeChar(object.c));
    sink.put("i", encodeInt(object.i));
    sink.put("j", encodeLong(object.j));
    sink.put("f", encodeFloat(object.f));
    sink.put("d", encodeDouble(object.d));
    sink.put("boxedZ", encodeBoxedBoolean(object.boxedZ));
    sink.put("boxedB", encodeBoxedByte(object.boxedB));
    sink.put("boxedS", encodeBoxedShort(object.boxedS));
    sink.put("boxedC", encodeBoxedChar(object.boxedC));
    sink.put("boxedI", encodeBoxedInt(object.boxedI));
    sink.put("boxedJ", encodeBoxedLong(object.boxedJ));
    sink.put("boxedF", encodeBoxedFloat(object.boxedF));
    sink.put("boxedD", encodeBoxedDouble(object.boxedD));
    sink.put("text", encodeString(object.text));
    sink.put("bytes", encodeBytes(object.bytes));
  }

  @Override
  public void readFields(AllTypes object, FieldSource source) {
    object.z = decodeBoolean(source.get("z"));
    object.b = decodeByte(source.get("b"));
    object.s = decodeShort(source.get("s"));
    object.c = decodeChar(source.get("c"));
    object.i = decodeInt(source.get("i"));
    object.j = decodeLong(source.get("j"));
    object.f = decodeFloat(source.get("f"));
    object.d = decodeDouble(source.get("d"));
    object.boxedZ = decodeBoxedBoolean(source.get("boxedZ"));
    object.boxedB = decodeBoxedByte(source.get("boxedB"));
    object.boxedS = decodeBoxedShort(source.get("boxedS"));
    object.boxedC = decodeBoxedChar(source.get("boxedC"));
    object.boxedI = decodeBoxedInt(source.get("boxedI"));
    object.boxedJ = decodeBoxedLong(source.get("boxedJ"));
    object.boxedF = decodeBoxedFloat(source.get("boxedF"));
    object.boxedD = decodeBoxedDouble(source.get("boxedD"));
    object.text = decodeString(source.get("text"));
    object.bytes = decodeBytes(source.get("bytes"));
  }

  @Override
  public void onActivate(AllTypes object) throws Exception {
    object.activated();
  }

  @Override
  public boolean hasAlarm() {
    return true;
  }

  @Override
  public void fireAlarm(AllTypes object, AlarmInfo info) throws Exception {
    object.ring();
  }

  private static Invocation<AllTypes> decodeAll(byte[] request) {
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
    return invokeAll(z, b, s, c, i, j, f, d, boxedZ, boxedB, boxedS, boxedC, boxedI, boxedJ, boxedF,
        boxedD, text, bytes);
  }

  private static Invocation<AllTypes> invokeAll(boolean z, byte b, short s, char c, int i, long j,
      float f, double d, Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC,
      Integer boxedI, Long boxedJ, Float boxedF, Double boxedD, String text, byte[] bytes) {
    return object -> encodeString(object.all(z, b, s, c, i, j, f, d, boxedZ, boxedB, boxedS, boxedC,
        boxedI, boxedJ, boxedF, boxedD, text, bytes));
  }

  private static Invocation<AllTypes> decodeEchoBoolean(byte[] request) {
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
    return invokeEchoBoolean(v);
  }

  private static Invocation<AllTypes> invokeEchoBoolean(boolean v) {
    return object -> encodeBoolean(object.echoBoolean(v));
  }

  private static Invocation<AllTypes> decodeEchoByte(byte[] request) {
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
    return invokeEchoByte(v);
  }

  private static Invocation<AllTypes> invokeEchoByte(byte v) {
    return object -> encodeByte(object.echoByte(v));
  }

  private static Invocation<AllTypes> decodeEchoShort(byte[] request) {
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
    return invokeEchoShort(v);
  }

  private static Invocation<AllTypes> invokeEchoShort(short v) {
    return object -> encodeShort(object.echoShort(v));
  }

  private static Invocation<AllTypes> decodeEchoChar(byte[] request) {
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
    return invokeEchoChar(v);
  }

  private static Invocation<AllTypes> invokeEchoChar(char v) {
    return object -> encodeChar(object.echoChar(v));
  }

  private static Invocation<AllTypes> decodeEchoInt(byte[] request) {
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
    return invokeEchoInt(v);
  }

  private static Invocation<AllTypes> invokeEchoInt(int v) {
    return object -> encodeInt(object.echoInt(v));
  }

  private static Invocation<AllTypes> decodeEchoLong(byte[] request) {
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
    return invokeEchoLong(v);
  }

  private static Invocation<AllTypes> invokeEchoLong(long v) {
    return object -> encodeLong(object.echoLong(v));
  }

  private static Invocation<AllTypes> decodeEchoFloat(byte[] request) {
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
    return invokeEchoFloat(v);
  }

  private static Invocation<AllTypes> invokeEchoFloat(float v) {
    return object -> encodeFloat(object.echoFloat(v));
  }

  private static Invocation<AllTypes> decodeEchoDouble(byte[] request) {
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
    return invokeEchoDouble(v);
  }

  private static Invocation<AllTypes> invokeEchoDouble(double v) {
    return object -> encodeDouble(object.echoDouble(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedBoolean(byte[] request) {
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
    return invokeEchoBoxedBoolean(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedBoolean(Boolean v) {
    return object -> encodeBoxedBoolean(object.echoBoxedBoolean(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedByte(byte[] request) {
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
    return invokeEchoBoxedByte(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedByte(Byte v) {
    return object -> encodeBoxedByte(object.echoBoxedByte(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedShort(byte[] request) {
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
    return invokeEchoBoxedShort(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedShort(Short v) {
    return object -> encodeBoxedShort(object.echoBoxedShort(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedChar(byte[] request) {
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
    return invokeEchoBoxedChar(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedChar(Character v) {
    return object -> encodeBoxedChar(object.echoBoxedChar(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedInt(byte[] request) {
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
    return invokeEchoBoxedInt(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedInt(Integer v) {
    return object -> encodeBoxedInt(object.echoBoxedInt(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedLong(byte[] request) {
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
    return invokeEchoBoxedLong(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedLong(Long v) {
    return object -> encodeBoxedLong(object.echoBoxedLong(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedFloat(byte[] request) {
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
    return invokeEchoBoxedFloat(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedFloat(Float v) {
    return object -> encodeBoxedFloat(object.echoBoxedFloat(v));
  }

  private static Invocation<AllTypes> decodeEchoBoxedDouble(byte[] request) {
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
    return invokeEchoBoxedDouble(v);
  }

  private static Invocation<AllTypes> invokeEchoBoxedDouble(Double v) {
    return object -> encodeBoxedDouble(object.echoBoxedDouble(v));
  }

  private static Invocation<AllTypes> decodeEchoString(byte[] request) {
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
    return invokeEchoString(v);
  }

  private static Invocation<AllTypes> invokeEchoString(String v) {
    return object -> encodeString(object.echoString(v));
  }

  private static Invocation<AllTypes> decodeEchoBytes(byte[] request) {
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
    return invokeEchoBytes(v);
  }

  private static Invocation<AllTypes> invokeEchoBytes(byte[] v) {
    return object -> encodeBytes(object.echoBytes(v));
  }

  private static Invocation<AllTypes> decodeSetText(byte[] request) {
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
    return invokeSetText(text);
  }

  private static Invocation<AllTypes> invokeSetText(String text) {
    return object -> {
      object.setText(text);
      return EMPTY;
    };
  }

  private static Invocation<AllTypes> decodeFail(byte[] request) {
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
    return invokeFail(message);
  }

  private static Invocation<AllTypes> invokeFail(String message) {
    return object -> {
      object.fail(message);
      return EMPTY;
    };
  }

  private static byte[] encodeBoolean(boolean value) {
    ProtoWriter writer = new ProtoWriter();
    if (value) {
      writer.writeBool(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeByte(byte value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeShort(short value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeChar(char value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != 0) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
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

  private static byte[] encodeFloat(float value) {
    ProtoWriter writer = new ProtoWriter();
    if (Float.floatToRawIntBits(value) != 0) {
      writer.writeFloat(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeDouble(double value) {
    ProtoWriter writer = new ProtoWriter();
    if (Double.doubleToRawLongBits(value) != 0L) {
      writer.writeDouble(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedBoolean(Boolean value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeBool(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedByte(Byte value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedShort(Short value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedChar(Character value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedInt(Integer value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, value);
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

  private static byte[] encodeBoxedFloat(Float value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeFloat(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBoxedDouble(Double value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeDouble(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeString(String value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeString(1, value);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeBytes(byte[] value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeBytes(1, value);
    }
    return writer.toByteArray();
  }

  private static boolean decodeBoolean(byte[] message) {
    if (message == null) {
      return false;
    }
    boolean value = false;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readBool(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static byte decodeByte(byte[] message) {
    if (message == null) {
      return 0;
    }
    byte value = 0;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (byte) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static short decodeShort(byte[] message) {
    if (message == null) {
      return 0;
    }
    short value = 0;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (short) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static char decodeChar(byte[] message) {
    if (message == null) {
      return 0;
    }
    char value = 0;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (char) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static int decodeInt(byte[] message) {
    if (message == null) {
      return 0;
    }
    int value = 0;
    ProtoReader reader = new ProtoReader(message);
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

  private static float decodeFloat(byte[] message) {
    if (message == null) {
      return 0.0f;
    }
    float value = 0.0f;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readFloat(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static double decodeDouble(byte[] message) {
    if (message == null) {
      return 0.0;
    }
    double value = 0.0;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readDouble(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Boolean decodeBoxedBoolean(byte[] message) {
    if (message == null) {
      return null;
    }
    Boolean value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readBool(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Byte decodeBoxedByte(byte[] message) {
    if (message == null) {
      return null;
    }
    Byte value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (byte) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Short decodeBoxedShort(byte[] message) {
    if (message == null) {
      return null;
    }
    Short value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (short) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Character decodeBoxedChar(byte[] message) {
    if (message == null) {
      return null;
    }
    Character value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = (char) reader.readInt32(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Integer decodeBoxedInt(byte[] message) {
    if (message == null) {
      return null;
    }
    Integer value = null;
    ProtoReader reader = new ProtoReader(message);
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

  private static Long decodeBoxedLong(byte[] message) {
    if (message == null) {
      return null;
    }
    Long value = null;
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

  private static Float decodeBoxedFloat(byte[] message) {
    if (message == null) {
      return null;
    }
    Float value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readFloat(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Double decodeBoxedDouble(byte[] message) {
    if (message == null) {
      return null;
    }
    Double value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readDouble(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static String decodeString(byte[] message) {
    if (message == null) {
      return null;
    }
    String value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static byte[] decodeBytes(byte[] message) {
    if (message == null) {
      return null;
    }
    byte[] value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = reader.readBytes(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }
}
