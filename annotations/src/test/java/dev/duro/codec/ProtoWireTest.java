package dev.duro.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProtoWireTest {
  @Test
  void roundTripsEveryScalar() {
    byte[] bytes =
        new ProtoWriter()
            .writeInt32(1, -5)
            .writeInt64(2, Long.MIN_VALUE)
            .writeBool(3, true)
            .writeFloat(4, 1.5f)
            .writeDouble(5, -0.25)
            .writeString(6, "héllo ✓")
            .writeBytes(7, new byte[] {0, -1, 2})
            .writeInt64(536_870_911, 42)
            .toByteArray();
    ProtoReader r = new ProtoReader(bytes);
    assertEquals(-5, r.readInt32(r.readTag()));
    assertEquals(Long.MIN_VALUE, r.readInt64(r.readTag()));
    assertTrue(r.readBool(r.readTag()));
    assertEquals(1.5f, r.readFloat(r.readTag()));
    assertEquals(-0.25, r.readDouble(r.readTag()));
    assertEquals("héllo ✓", r.readString(r.readTag()));
    assertArrayEquals(new byte[] {0, -1, 2}, r.readBytes(r.readTag()));
    int tag = r.readTag();
    assertEquals(536_870_911, WireType.fieldNumber(tag));
    assertEquals(42, r.readInt64(tag));
    assertEquals(0, r.readTag());
  }

  @Test
  void matchesProtobufEncodingOfKnownValues() {
    // field 1 varint 150 is the protobuf documentation's example: 08 96 01
    assertArrayEquals(
        new byte[] {0x08, (byte) 0x96, 0x01}, new ProtoWriter().writeInt64(1, 150).toByteArray());
    // negative int32 is sign-extended to 10 bytes, as protobuf does
    assertEquals(11, new ProtoWriter().writeInt32(1, -1).size());
    // string "testing" in field 2: 12 07 74 65 73 74 69 6e 67
    assertArrayEquals(
        new byte[] {0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'},
        new ProtoWriter().writeString(2, "testing").toByteArray());
  }

  @Test
  void skipsUnknownFieldsOfEveryWireType() {
    byte[] bytes =
        new ProtoWriter()
            .writeInt64(9, 1)
            .writeDouble(10, 2)
            .writeFloat(11, 3)
            .writeString(12, "x")
            .writeInt64(1, 7)
            .toByteArray();
    ProtoReader r = new ProtoReader(bytes);
    long found = -1;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        found = r.readInt64(tag);
      } else {
        r.skip(tag);
      }
    }
    assertEquals(7, found);
  }

  @Test
  void wrongWireTypeIsAClearError() {
    byte[] bytes = new ProtoWriter().writeString(1, "x").toByteArray();
    ProtoReader r = new ProtoReader(bytes);
    CodecException e = assertThrows(CodecException.class, () -> r.readInt64(r.readTag()));
    assertEquals("Malformed message: field 1 has wire type LEN, expected VARINT", e.getMessage());
  }

  @Test
  void lengthPastTheEndIsRejectedBeforeAllocating() {
    // field 1, LEN, length 2^31-ish
    byte[] bytes = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    ProtoReader r = new ProtoReader(bytes);
    CodecException e = assertThrows(CodecException.class, () -> r.readBytes(r.readTag()));
    assertTrue(e.getMessage().contains("exceeds the 0 remaining bytes"), e.getMessage());
  }

  @Test
  void randomAndTruncatedInputOnlyEverThrowsCodecException() {
    Random random = new Random(42);
    byte[] valid =
        new ProtoWriter().writeInt64(1, 99).writeString(2, "abc").writeDouble(3, 1).toByteArray();
    for (int i = 0; i < 100_000; i++) {
      byte[] input;
      if (i % 2 == 0) {
        input = new byte[random.nextInt(24)];
        random.nextBytes(input);
      } else {
        input = Arrays.copyOf(valid, random.nextInt(valid.length));
      }
      ProtoReader r = new ProtoReader(input);
      try {
        for (int tag; (tag = r.readTag()) != 0; ) {
          switch (WireType.fieldNumber(tag)) {
            case 1:
              r.readInt64(tag);
              break;
            case 2:
              r.readString(tag);
              break;
            case 3:
              r.readDouble(tag);
              break;
            default:
              r.skip(tag);
          }
        }
      } catch (CodecException expected) {
        assertTrue(expected.getMessage().startsWith("Malformed message"), expected.getMessage());
      }
    }
  }
}
