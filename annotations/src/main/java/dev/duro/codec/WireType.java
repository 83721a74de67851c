package dev.duro.codec;

/** Protobuf wire types and tag helpers. */
public final class WireType {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LEN = 2;
  public static final int START_GROUP = 3;
  public static final int END_GROUP = 4;
  public static final int FIXED32 = 5;

  /** The largest field number protobuf allows. */
  public static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

  private WireType() {}

  /** The field number of a tag. */
  public static int fieldNumber(int tag) {
    return tag >>> 3;
  }

  /** The wire type of a tag. */
  public static int wireType(int tag) {
    return tag & 7;
  }

  static String name(int wireType) {
    switch (wireType) {
      case VARINT:
        return "VARINT";
      case FIXED64:
        return "I64";
      case LEN:
        return "LEN";
      case START_GROUP:
        return "SGROUP";
      case END_GROUP:
        return "EGROUP";
      case FIXED32:
        return "I32";
      default:
        return "invalid(" + wireType + ")";
    }
  }
}
