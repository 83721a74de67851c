package test;

import dev.duro.DurableObject;
import dev.duro.OnActivate;
import dev.duro.Persist;
import dev.duro.Rpc;
import dev.duro.Alarm;

/** Uses every supported type, a no-argument constructor, {@code @OnActivate} and a plain alarm. */
@DurableObject
public class AllTypes {
  @Persist boolean z;
  @Persist byte b;
  @Persist short s;
  @Persist char c;
  @Persist int i;
  @Persist long j;
  @Persist float f;
  @Persist double d;
  @Persist Boolean boxedZ;
  @Persist Byte boxedB;
  @Persist Short boxedS;
  @Persist Character boxedC;
  @Persist Integer boxedI;
  @Persist Long boxedJ;
  @Persist Float boxedF;
  @Persist Double boxedD;
  @Persist String text;
  @Persist byte[] bytes;

  int activations;
  int alarms;

  AllTypes() {}

  @OnActivate
  void activated() {
    activations++;
  }

  @Alarm
  public void ring() throws java.io.IOException {
    alarms++;
  }

  /**
   * Takes one value of every supported type and echoes them all back as text.
   *
   * @param z a boolean
   * @return every argument, joined by commas
   * @throws IllegalStateException never
   */
  @Rpc
  public String all(
      boolean z, byte b, short s, char c, int i, long j, float f, double d,
      Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC,
      Integer boxedI, Long boxedJ, Float boxedF, Double boxedD,
      String text, byte[] bytes) {
    return z + "," + b + "," + s + "," + (int) c + "," + i + "," + j + "," + f + "," + d + ","
        + boxedZ + "," + boxedB + "," + boxedS + "," + (boxedC == null ? "null" : (int) boxedC) + ","
        + boxedI + "," + boxedJ + "," + boxedF + "," + boxedD + "," + text + ","
        + (bytes == null ? "null" : java.util.Arrays.toString(bytes));
  }

  @Rpc boolean echoBoolean(boolean v) { return v; }
  @Rpc byte echoByte(byte v) { return v; }
  @Rpc short echoShort(short v) { return v; }
  @Rpc char echoChar(char v) { return v; }
  @Rpc int echoInt(int v) { return v; }
  @Rpc long echoLong(long v) { return v; }
  @Rpc float echoFloat(float v) { return v; }
  @Rpc double echoDouble(double v) { return v; }
  @Rpc Boolean echoBoxedBoolean(Boolean v) { return v; }
  @Rpc Byte echoBoxedByte(Byte v) { return v; }
  @Rpc Short echoBoxedShort(Short v) { return v; }
  @Rpc Character echoBoxedChar(Character v) { return v; }
  @Rpc Integer echoBoxedInt(Integer v) { return v; }
  @Rpc Long echoBoxedLong(Long v) { return v; }
  @Rpc Float echoBoxedFloat(Float v) { return v; }
  @Rpc Double echoBoxedDouble(Double v) { return v; }
  @Rpc String echoString(String v) { return v; }
  @Rpc byte[] echoBytes(byte[] v) { return v; }

  /** Sets {@link #text}; returns nothing. */
  @Rpc
  public void setText(String text) throws Exception {
    this.text = text;
  }

  @Rpc
  public void fail(String message) {
    throw new IllegalStateException(message);
  }
}
