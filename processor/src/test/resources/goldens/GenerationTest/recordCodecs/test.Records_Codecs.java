package test;

import dev.duro.binding.DuroGenerated;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.ValueCodec;
import dev.duro.codec.ValueCodecs;
import dev.duro.codec.WireType;
import javax.annotation.processing.Generated;

/**
 * Protobuf encoders and decoders of the types {@link Records} uses; called by its stub and binding.
 * Stateless.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
final class Records_Codecs {
  private Records_Codecs() {
  }

  static ProtoWriter encodeRecords_Point(Records.Point value) {
    ProtoWriter w = new ProtoWriter();
    int $x0 = value.x();
    if ($x0 != 0) {
      w.writeInt32(1, $x0);
    }
    String $label1 = value.label();
    if ($label1 == null) {
      throw CodecException.nullValue(".label");
    }
    if (!$label1.isEmpty()) {
      w.writeString(7, $label1);
    }
    Records.Color $color2 = value.color();
    if ($color2 == null) {
      throw CodecException.nullValue(".color");
    }
    if ($color2 != Records.Color.RED) {
      w.writeInt32(3, Records_Codecs.numberOfRecords_Color($color2));
    }
    return w;
  }

  static Records.Point decodeRecords_Point(ProtoReader reader) {
    int $x3 = 0;
    String $label4 = "";
    Records.Color $color5 = Records.Color.RED;
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $x3 = reader.readInt32(tag);
          break;
        case 7:
          $label4 = reader.readString(tag);
          break;
        case 3:
          $color5 = Records_Codecs.records_ColorOf(reader.readInt32(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Records.Point($x3, $label4, $color5);
  }

  static int numberOfRecords_Color(Records.Color value) {
    switch (value) {
      case RED:
        return 0;
      case GREEN:
        return 5;
      default:
        throw new IllegalArgumentException("Unknown constant " + value);
    }
  }

  static Records.Color records_ColorOf(int number) {
    switch (number) {
      case 0:
        return Records.Color.RED;
      case 5:
        return Records.Color.GREEN;
      default:
        // An unknown number, written by a newer version: the proto3 default.
        return Records.Color.RED;
    }
  }

  private static byte[] storeRecords_Point(Records.Point value) {
    return new ProtoWriter().writeMessage(1, encodeRecords_Point(value)).toByteArray();
  }

  private static Records.Point storedRecords_Point(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    ProtoReader m = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        m = r.readMessage(tag);
      } else {
        r.skip(tag);
      }
    }
    return decodeRecords_Point(m != null ? m : new ProtoReader(new byte[0]));
  }

  private static byte[] storeRecords_Color(Records.Color value) {
    return new ProtoWriter().writeInt32(1, numberOfRecords_Color(value)).toByteArray();
  }

  private static Records.Color storedRecords_Color(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    int n = 0;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        n = r.readInt32(tag);
      } else {
        r.skip(tag);
      }
    }
    return records_ColorOf(n);
  }

  /**
   * Registers the codecs of the records and enums above for typed storage values.
   */
  static void registerValueCodecs() {
    ValueCodecs.register(ValueCodec.of(Records.Point.class, Records_Codecs::storeRecords_Point, Records_Codecs::storedRecords_Point));
    ValueCodecs.register(ValueCodec.of(Records.Color.class, Records_Codecs::storeRecords_Color, Records_Codecs::storedRecords_Color));
  }
}
