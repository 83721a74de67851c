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
 * Typed client for the durable object class {@link AllTypes}, namespace {@code "AllTypes"}.
 *
 * <p>Each method call runs as one turn of the object identified by {@link #id()}. Blocking methods
 * wait for the reply; {@link #async()} has the same methods returning futures. Failures are
 * unchecked {@link DuroException}s; when the object's method threw, a
 * {@link RemoteFailureException} carrying its type and message. {@link #withDeadline} gives calls a
 * deadline.
 *
 * <p>Get instances from {@link AllTypesNamespace}. Instances are immutable and thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class AllTypesStub implements AllTypesApi {
  private final Invoker invoker;

  private final ObjectId id;

  private final Async async;

  /**
   * Made by {@link AllTypesNamespace}.
   */
  AllTypesStub(Invoker invoker, ObjectId id) {
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
  public AllTypesStub withDeadline(Duration timeout) {
    return new AllTypesStub(Calls.withTimeout(invoker, timeout), id);
  }

  /**
   * Same as {@link #withDeadline(Duration)}, with the time in {@code unit}s, like gRPC stubs'
   * {@code withDeadlineAfter}.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   */
  public AllTypesStub withDeadlineAfter(long duration, TimeUnit unit) {
    return withDeadline(Duration.ofNanos(unit.toNanos(duration)));
  }

  /**
   * Takes one value of every supported type and echoes them all back as text.
   *
   * @param z a boolean
   * @return every argument, joined by commas
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public String all(boolean z, byte b, short s, char c, int i, long j, float f, double d,
      Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC, Integer boxedI, Long boxedJ,
      Float boxedF, Double boxedD, String text, byte[] bytes) {
    return decodeAll(invoker.callBlocking("AllTypes", id, "all", encodeAll(z, b, s, c, i, j, f, d,
        boxedZ, boxedB, boxedS, boxedC, boxedI, boxedJ, boxedF, boxedD, text, bytes)));
  }

  /**
   * Calls {@link AllTypes#echoBoolean(boolean)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public boolean echoBoolean(boolean v) {
    return decodeEchoBoolean(invoker.callBlocking("AllTypes", id, "echoBoolean",
        encodeEchoBoolean(v)));
  }

  /**
   * Calls {@link AllTypes#echoByte(byte)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public byte echoByte(byte v) {
    return decodeEchoByte(invoker.callBlocking("AllTypes", id, "echoByte", encodeEchoByte(v)));
  }

  /**
   * Calls {@link AllTypes#echoShort(short)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public short echoShort(short v) {
    return decodeEchoShort(invoker.callBlocking("AllTypes", id, "echoShort", encodeEchoShort(v)));
  }

  /**
   * Calls {@link AllTypes#echoChar(char)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public char echoChar(char v) {
    return decodeEchoChar(invoker.callBlocking("AllTypes", id, "echoChar", encodeEchoChar(v)));
  }

  /**
   * Calls {@link AllTypes#echoInt(int)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public int echoInt(int v) {
    return decodeEchoInt(invoker.callBlocking("AllTypes", id, "echoInt", encodeEchoInt(v)));
  }

  /**
   * Calls {@link AllTypes#echoLong(long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public long echoLong(long v) {
    return decodeEchoLong(invoker.callBlocking("AllTypes", id, "echoLong", encodeEchoLong(v)));
  }

  /**
   * Calls {@link AllTypes#echoFloat(float)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public float echoFloat(float v) {
    return decodeEchoFloat(invoker.callBlocking("AllTypes", id, "echoFloat", encodeEchoFloat(v)));
  }

  /**
   * Calls {@link AllTypes#echoDouble(double)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public double echoDouble(double v) {
    return decodeEchoDouble(invoker.callBlocking("AllTypes", id, "echoDouble",
        encodeEchoDouble(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedBoolean(Boolean)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Boolean echoBoxedBoolean(Boolean v) {
    return decodeEchoBoxedBoolean(invoker.callBlocking("AllTypes", id, "echoBoxedBoolean",
        encodeEchoBoxedBoolean(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedByte(Byte)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Byte echoBoxedByte(Byte v) {
    return decodeEchoBoxedByte(invoker.callBlocking("AllTypes", id, "echoBoxedByte",
        encodeEchoBoxedByte(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedShort(Short)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Short echoBoxedShort(Short v) {
    return decodeEchoBoxedShort(invoker.callBlocking("AllTypes", id, "echoBoxedShort",
        encodeEchoBoxedShort(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedChar(Character)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Character echoBoxedChar(Character v) {
    return decodeEchoBoxedChar(invoker.callBlocking("AllTypes", id, "echoBoxedChar",
        encodeEchoBoxedChar(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedInt(Integer)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Integer echoBoxedInt(Integer v) {
    return decodeEchoBoxedInt(invoker.callBlocking("AllTypes", id, "echoBoxedInt",
        encodeEchoBoxedInt(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedLong(Long)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Long echoBoxedLong(Long v) {
    return decodeEchoBoxedLong(invoker.callBlocking("AllTypes", id, "echoBoxedLong",
        encodeEchoBoxedLong(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedFloat(Float)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Float echoBoxedFloat(Float v) {
    return decodeEchoBoxedFloat(invoker.callBlocking("AllTypes", id, "echoBoxedFloat",
        encodeEchoBoxedFloat(v)));
  }

  /**
   * Calls {@link AllTypes#echoBoxedDouble(Double)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public Double echoBoxedDouble(Double v) {
    return decodeEchoBoxedDouble(invoker.callBlocking("AllTypes", id, "echoBoxedDouble",
        encodeEchoBoxedDouble(v)));
  }

  /**
   * Calls {@link AllTypes#echoString(String)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public String echoString(String v) {
    return decodeEchoString(invoker.callBlocking("AllTypes", id, "echoString",
        encodeEchoString(v)));
  }

  /**
   * Calls {@link AllTypes#echoBytes(byte[])} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public byte[] echoBytes(byte[] v) {
    return decodeEchoBytes(invoker.callBlocking("AllTypes", id, "echoBytes", encodeEchoBytes(v)));
  }

  /**
   * Sets {@link AllTypes#text}; returns nothing.
   *
   * @throws Exception if the object's method threw exactly this type (a new instance, with the
   *     remote failure as cause)
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void setText(String text) throws Exception {
    try {
      decodeSetText(invoker.callBlocking("AllTypes", id, "setText", encodeSetText(text)));
    } catch (RemoteFailureException failure) {
      Throwable typed = typedSetText(failure);
      if (typed instanceof Exception) {
        throw (Exception) typed;
      }
      throw failure;
    }
  }

  /**
   * Calls {@link AllTypes#fail(String)} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  @Override
  public void fail(String message) {
    decodeFail(invoker.callBlocking("AllTypes", id, "fail", encodeFail(message)));
  }

  /**
   * The asynchronous view of this stub, calling the same object.
   */
  public Async async() {
    return async;
  }

  @Override
  public String toString() {
    return "AllTypesStub[" + id + "]";
  }

  private static byte[] encodeAll(boolean z, byte b, short s, char c, int i, long j, float f,
      double d, Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC, Integer boxedI,
      Long boxedJ, Float boxedF, Double boxedD, String text, byte[] bytes) {
    ProtoWriter writer = new ProtoWriter();
    if (z) {
      writer.writeBool(1, z);
    }
    if (b != 0) {
      writer.writeInt32(2, b);
    }
    if (s != 0) {
      writer.writeInt32(3, s);
    }
    if (c != 0) {
      writer.writeInt32(4, c);
    }
    if (i != 0) {
      writer.writeInt32(5, i);
    }
    if (j != 0L) {
      writer.writeInt64(6, j);
    }
    if (Float.floatToRawIntBits(f) != 0) {
      writer.writeFloat(7, f);
    }
    if (Double.doubleToRawLongBits(d) != 0L) {
      writer.writeDouble(8, d);
    }
    if (boxedZ != null) {
      writer.writeBool(9, boxedZ);
    }
    if (boxedB != null) {
      writer.writeInt32(10, boxedB);
    }
    if (boxedS != null) {
      writer.writeInt32(11, boxedS);
    }
    if (boxedC != null) {
      writer.writeInt32(12, boxedC);
    }
    if (boxedI != null) {
      writer.writeInt32(13, boxedI);
    }
    if (boxedJ != null) {
      writer.writeInt64(14, boxedJ);
    }
    if (boxedF != null) {
      writer.writeFloat(15, boxedF);
    }
    if (boxedD != null) {
      writer.writeDouble(16, boxedD);
    }
    if (text != null) {
      writer.writeString(17, text);
    }
    if (bytes != null) {
      writer.writeBytes(18, bytes);
    }
    return writer.toByteArray();
  }

  private static String decodeAll(byte[] reply) {
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
    return value;
  }

  private static byte[] encodeEchoBoolean(boolean v) {
    ProtoWriter writer = new ProtoWriter();
    if (v) {
      writer.writeBool(1, v);
    }
    return writer.toByteArray();
  }

  private static boolean decodeEchoBoolean(byte[] reply) {
    boolean value = false;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoByte(byte v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != 0) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static byte decodeEchoByte(byte[] reply) {
    byte value = 0;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoShort(short v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != 0) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static short decodeEchoShort(byte[] reply) {
    short value = 0;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoChar(char v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != 0) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static char decodeEchoChar(byte[] reply) {
    char value = 0;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoInt(int v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != 0) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static int decodeEchoInt(byte[] reply) {
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

  private static byte[] encodeEchoLong(long v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != 0L) {
      writer.writeInt64(1, v);
    }
    return writer.toByteArray();
  }

  private static long decodeEchoLong(byte[] reply) {
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

  private static byte[] encodeEchoFloat(float v) {
    ProtoWriter writer = new ProtoWriter();
    if (Float.floatToRawIntBits(v) != 0) {
      writer.writeFloat(1, v);
    }
    return writer.toByteArray();
  }

  private static float decodeEchoFloat(byte[] reply) {
    float value = 0.0f;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoDouble(double v) {
    ProtoWriter writer = new ProtoWriter();
    if (Double.doubleToRawLongBits(v) != 0L) {
      writer.writeDouble(1, v);
    }
    return writer.toByteArray();
  }

  private static double decodeEchoDouble(byte[] reply) {
    double value = 0.0;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedBoolean(Boolean v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeBool(1, v);
    }
    return writer.toByteArray();
  }

  private static Boolean decodeEchoBoxedBoolean(byte[] reply) {
    Boolean value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedByte(Byte v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static Byte decodeEchoBoxedByte(byte[] reply) {
    Byte value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedShort(Short v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static Short decodeEchoBoxedShort(byte[] reply) {
    Short value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedChar(Character v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static Character decodeEchoBoxedChar(byte[] reply) {
    Character value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedInt(Integer v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeInt32(1, v);
    }
    return writer.toByteArray();
  }

  private static Integer decodeEchoBoxedInt(byte[] reply) {
    Integer value = null;
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

  private static byte[] encodeEchoBoxedLong(Long v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeInt64(1, v);
    }
    return writer.toByteArray();
  }

  private static Long decodeEchoBoxedLong(byte[] reply) {
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
    return value;
  }

  private static byte[] encodeEchoBoxedFloat(Float v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeFloat(1, v);
    }
    return writer.toByteArray();
  }

  private static Float decodeEchoBoxedFloat(byte[] reply) {
    Float value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoBoxedDouble(Double v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeDouble(1, v);
    }
    return writer.toByteArray();
  }

  private static Double decodeEchoBoxedDouble(byte[] reply) {
    Double value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeEchoString(String v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeString(1, v);
    }
    return writer.toByteArray();
  }

  private static String decodeEchoString(byte[] reply) {
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
    return value;
  }

  private static byte[] encodeEchoBytes(byte[] v) {
    ProtoWriter writer = new ProtoWriter();
    if (v != null) {
      writer.writeBytes(1, v);
    }
    return writer.toByteArray();
  }

  private static byte[] decodeEchoBytes(byte[] reply) {
    byte[] value = null;
    ProtoReader reader = new ProtoReader(reply);
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

  private static byte[] encodeSetText(String text) {
    ProtoWriter writer = new ProtoWriter();
    if (text != null) {
      writer.writeString(1, text);
    }
    return writer.toByteArray();
  }

  private static Void decodeSetText(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  private static Throwable typedSetText(RemoteFailureException failure) {
    String type = failure.remoteType();
    if (type.equals("java.lang.Exception")) {
      return Calls.withCause(new Exception(failure.remoteMessage()), failure);
    }
    return failure;
  }

  private static byte[] encodeFail(String message) {
    ProtoWriter writer = new ProtoWriter();
    if (message != null) {
      writer.writeString(1, message);
    }
    return writer.toByteArray();
  }

  private static Void decodeFail(byte[] reply) {
    ProtoReader reader = new ProtoReader(reply);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return null;
  }

  /**
   * Asynchronous view of a {@link AllTypesStub}: each method sends the same call and returns at
   * once. Its future completes with the result, or exceptionally with a {@link DuroException}
   * (wrapped in a {@code CompletionException} by dependent stages, as usual). Thread-safe.
   */
  @DuroGenerated
  public final class Async {
    private Async() {
    }

    /**
     * Asynchronous
     * {@link AllTypesStub#all(boolean, byte, short, char, int, long, float, double, Boolean, Byte, Short, Character, Integer, Long, Float, Double, String, byte[])}.
     */
    public CompletableFuture<String> all(boolean z, byte b, short s, char c, int i, long j, float f,
        double d, Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC, Integer boxedI,
        Long boxedJ, Float boxedF, Double boxedD, String text, byte[] bytes) {
      return invoker.call("AllTypes", id, "all", encodeAll(z, b, s, c, i, j, f, d, boxedZ, boxedB,
          boxedS, boxedC, boxedI, boxedJ, boxedF, boxedD, text, bytes))
          .thenApply(AllTypesStub::decodeAll);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoolean(boolean)}.
     */
    public CompletableFuture<Boolean> echoBoolean(boolean v) {
      return invoker.call("AllTypes", id, "echoBoolean", encodeEchoBoolean(v))
          .thenApply(AllTypesStub::decodeEchoBoolean);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoByte(byte)}.
     */
    public CompletableFuture<Byte> echoByte(byte v) {
      return invoker.call("AllTypes", id, "echoByte", encodeEchoByte(v))
          .thenApply(AllTypesStub::decodeEchoByte);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoShort(short)}.
     */
    public CompletableFuture<Short> echoShort(short v) {
      return invoker.call("AllTypes", id, "echoShort", encodeEchoShort(v))
          .thenApply(AllTypesStub::decodeEchoShort);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoChar(char)}.
     */
    public CompletableFuture<Character> echoChar(char v) {
      return invoker.call("AllTypes", id, "echoChar", encodeEchoChar(v))
          .thenApply(AllTypesStub::decodeEchoChar);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoInt(int)}.
     */
    public CompletableFuture<Integer> echoInt(int v) {
      return invoker.call("AllTypes", id, "echoInt", encodeEchoInt(v))
          .thenApply(AllTypesStub::decodeEchoInt);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoLong(long)}.
     */
    public CompletableFuture<Long> echoLong(long v) {
      return invoker.call("AllTypes", id, "echoLong", encodeEchoLong(v))
          .thenApply(AllTypesStub::decodeEchoLong);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoFloat(float)}.
     */
    public CompletableFuture<Float> echoFloat(float v) {
      return invoker.call("AllTypes", id, "echoFloat", encodeEchoFloat(v))
          .thenApply(AllTypesStub::decodeEchoFloat);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoDouble(double)}.
     */
    public CompletableFuture<Double> echoDouble(double v) {
      return invoker.call("AllTypes", id, "echoDouble", encodeEchoDouble(v))
          .thenApply(AllTypesStub::decodeEchoDouble);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedBoolean(Boolean)}.
     */
    public CompletableFuture<Boolean> echoBoxedBoolean(Boolean v) {
      return invoker.call("AllTypes", id, "echoBoxedBoolean", encodeEchoBoxedBoolean(v))
          .thenApply(AllTypesStub::decodeEchoBoxedBoolean);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedByte(Byte)}.
     */
    public CompletableFuture<Byte> echoBoxedByte(Byte v) {
      return invoker.call("AllTypes", id, "echoBoxedByte", encodeEchoBoxedByte(v))
          .thenApply(AllTypesStub::decodeEchoBoxedByte);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedShort(Short)}.
     */
    public CompletableFuture<Short> echoBoxedShort(Short v) {
      return invoker.call("AllTypes", id, "echoBoxedShort", encodeEchoBoxedShort(v))
          .thenApply(AllTypesStub::decodeEchoBoxedShort);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedChar(Character)}.
     */
    public CompletableFuture<Character> echoBoxedChar(Character v) {
      return invoker.call("AllTypes", id, "echoBoxedChar", encodeEchoBoxedChar(v))
          .thenApply(AllTypesStub::decodeEchoBoxedChar);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedInt(Integer)}.
     */
    public CompletableFuture<Integer> echoBoxedInt(Integer v) {
      return invoker.call("AllTypes", id, "echoBoxedInt", encodeEchoBoxedInt(v))
          .thenApply(AllTypesStub::decodeEchoBoxedInt);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedLong(Long)}.
     */
    public CompletableFuture<Long> echoBoxedLong(Long v) {
      return invoker.call("AllTypes", id, "echoBoxedLong", encodeEchoBoxedLong(v))
          .thenApply(AllTypesStub::decodeEchoBoxedLong);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedFloat(Float)}.
     */
    public CompletableFuture<Float> echoBoxedFloat(Float v) {
      return invoker.call("AllTypes", id, "echoBoxedFloat", encodeEchoBoxedFloat(v))
          .thenApply(AllTypesStub::decodeEchoBoxedFloat);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBoxedDouble(Double)}.
     */
    public CompletableFuture<Double> echoBoxedDouble(Double v) {
      return invoker.call("AllTypes", id, "echoBoxedDouble", encodeEchoBoxedDouble(v))
          .thenApply(AllTypesStub::decodeEchoBoxedDouble);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoString(String)}.
     */
    public CompletableFuture<String> echoString(String v) {
      return invoker.call("AllTypes", id, "echoString", encodeEchoString(v))
          .thenApply(AllTypesStub::decodeEchoString);
    }

    /**
     * Asynchronous {@link AllTypesStub#echoBytes(byte[])}.
     */
    public CompletableFuture<byte[]> echoBytes(byte[] v) {
      return invoker.call("AllTypes", id, "echoBytes", encodeEchoBytes(v))
          .thenApply(AllTypesStub::decodeEchoBytes);
    }

    /**
     * Asynchronous {@link AllTypesStub#setText(String)}.
     */
    public CompletableFuture<Void> setText(String text) {
      return invoker.call("AllTypes", id, "setText", encodeSetText(text))
          .thenApply(AllTypesStub::decodeSetText)
          .exceptionallyCompose(failure -> Calls.failed(failure, AllTypesStub::typedSetText));
    }

    /**
     * Asynchronous {@link AllTypesStub#fail(String)}.
     */
    public CompletableFuture<Void> fail(String message) {
      return invoker.call("AllTypes", id, "fail", encodeFail(message))
          .thenApply(AllTypesStub::decodeFail);
    }
  }
}
