package test;

import dev.duro.binding.DuroGenerated;
import dev.duro.codec.CodecException;
import dev.duro.codec.Codecs;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Protobuf encoders and decoders of the types {@link Shop} uses; called by its stub and binding.
 * Stateless.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
final class Shop_Codecs {
  private Shop_Codecs() {
  }

  static ProtoWriter encodeShop_Order(Shop.Order value) {
    ProtoWriter w = new ProtoWriter();
    UUID $id0 = value.id();
    if ($id0 == null) {
      throw CodecException.nullValue(".id");
    }
    w.writeString(1, $id0.toString());
    Shop.Status $status1 = value.status();
    if ($status1 == null) {
      throw CodecException.nullValue(".status");
    }
    if ($status1 != Shop.Status.NEW) {
      w.writeInt32(2, Shop_Codecs.numberOfShop_Status($status1));
    }
    List<Shop.Line> $lines2 = value.lines();
    if ($lines2 == null) {
      throw CodecException.nullValue(".lines");
    }
    int $i4 = 0;
    for (Shop.Line $e3 : $lines2) {
      if ($e3 == null) {
        throw CodecException.nullValue(".lines[" + $i4 + "]");
      }
      try {
        w.writeMessage(3, Shop_Codecs.encodeShop_Line($e3));
      } catch (CodecException x) {
        throw x.under(".lines[" + $i4 + "]");
      }
      $i4++;
    }
    Map<String, Shop.Money> $discounts5 = value.discounts();
    if ($discounts5 == null) {
      throw CodecException.nullValue(".discounts");
    }
    for (Map.Entry<String, Shop.Money> $entry6 : $discounts5.entrySet()) {
      ProtoWriter $out7 = new ProtoWriter();
      String $key8 = $entry6.getKey();
      Shop.Money $value9 = $entry6.getValue();
      if ($key8 == null) {
        throw CodecException.nullValue(".discounts{key}");
      }
      if (!$key8.isEmpty()) {
        $out7.writeString(1, $key8);
      }
      try {
        if ($value9 == null) {
          throw CodecException.nullValue("");
        }
        $out7.writeMessage(2, Shop_Codecs.encodeShop_Money($value9));
      } catch (CodecException e) {
        throw e.under(".discounts[" + $key8 + "]");
      }
      w.writeMessage(4, $out7);
    }
    Set<Shop.Status> $history10 = value.history();
    if ($history10 == null) {
      throw CodecException.nullValue(".history");
    }
    if (!$history10.isEmpty()) {
      ProtoWriter $packed13 = new ProtoWriter();
      int $i12 = 0;
      for (Shop.Status $e11 : $history10) {
        if ($e11 == null) {
          throw CodecException.nullValue(".history[" + $i12 + "]");
        }
        $packed13.writeRawVarint32(Shop_Codecs.numberOfShop_Status($e11));
        $i12++;
      }
      w.writeMessage(5, $packed13);
    }
    Instant $placed14 = value.placed();
    if ($placed14 == null) {
      throw CodecException.nullValue(".placed");
    }
    w.writeMessage(6, Codecs.timestamp($placed14));
    Duration $ttl15 = value.ttl();
    if ($ttl15 == null) {
      throw CodecException.nullValue(".ttl");
    }
    w.writeMessage(7, Codecs.duration($ttl15));
    Optional<Shop.Money> $tip16 = value.tip();
    if ($tip16 == null) {
      throw CodecException.nullValue(".tip");
    }
    if ($tip16.isPresent()) {
      Shop.Money $content17 = $tip16.get();
      try {
        w.writeMessage(8, Shop_Codecs.encodeShop_Money($content17));
      } catch (CodecException x) {
        throw x.under(".tip.get()");
      }
    }
    List<List<Integer>> $matrix18 = value.matrix();
    if ($matrix18 == null) {
      throw CodecException.nullValue(".matrix");
    }
    int $i20 = 0;
    for (List<Integer> $e19 : $matrix18) {
      if ($e19 == null) {
        throw CodecException.nullValue(".matrix[" + $i20 + "]");
      }
      try {
        w.writeMessage(20, Shop_Codecs.encodeListOfBoxedInt($e19));
      } catch (CodecException x) {
        throw x.under(".matrix[" + $i20 + "]");
      }
      $i20++;
    }
    Map<Long, List<String>> $tags21 = value.tags();
    if ($tags21 == null) {
      throw CodecException.nullValue(".tags");
    }
    for (Map.Entry<Long, List<String>> $entry22 : $tags21.entrySet()) {
      ProtoWriter $out23 = new ProtoWriter();
      Long $key24 = $entry22.getKey();
      List<String> $value25 = $entry22.getValue();
      if ($key24 == null) {
        throw CodecException.nullValue(".tags{key}");
      }
      if ($key24 != 0L) {
        $out23.writeInt64(1, $key24);
      }
      try {
        if ($value25 == null) {
          throw CodecException.nullValue("");
        }
        int $i27 = 0;
        for (String $e26 : $value25) {
          if ($e26 == null) {
            throw CodecException.nullValue("[" + $i27 + "]");
          }
          $out23.writeString(2, $e26);
          $i27++;
        }
      } catch (CodecException e) {
        throw e.under(".tags[" + $key24 + "]");
      }
      w.writeMessage(10, $out23);
    }
    Optional<List<Shop.Status>> $flags28 = value.flags();
    if ($flags28 == null) {
      throw CodecException.nullValue(".flags");
    }
    if ($flags28.isPresent()) {
      List<Shop.Status> $content29 = $flags28.get();
      try {
        w.writeMessage(11, Shop_Codecs.encodeListOfShop_Status($content29));
      } catch (CodecException x) {
        throw x.under(".flags.get()");
      }
    }
    List<Double> $weights30 = value.weights();
    if ($weights30 == null) {
      throw CodecException.nullValue(".weights");
    }
    if (!$weights30.isEmpty()) {
      ProtoWriter $packed33 = new ProtoWriter();
      int $i32 = 0;
      for (Double $e31 : $weights30) {
        if ($e31 == null) {
          throw CodecException.nullValue(".weights[" + $i32 + "]");
        }
        $packed33.writeRawFixed64(Double.doubleToRawLongBits($e31));
        $i32++;
      }
      w.writeMessage(12, $packed33);
    }
    return w;
  }

  static Shop.Order decodeShop_Order(ProtoReader reader) {
    UUID $id34 = new UUID(0L, 0L);
    Shop.Status $status35 = Shop.Status.NEW;
    List<Shop.Line> $lines36 = new ArrayList<>();
    Map<String, Shop.Money> $discounts37 = new LinkedHashMap<>();
    Set<Shop.Status> $history38 = new LinkedHashSet<>();
    Instant $placed39 = Instant.EPOCH;
    Duration $ttl40 = Duration.ZERO;
    Optional<Shop.Money> $tip41 = Optional.empty();
    List<List<Integer>> $matrix42 = new ArrayList<>();
    Map<Long, List<String>> $tags43 = new LinkedHashMap<>();
    Optional<List<Shop.Status>> $flags44 = Optional.empty();
    List<Double> $weights45 = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $id34 = Codecs.uuid(reader.readString(tag));
          break;
        case 2:
          $status35 = Shop_Codecs.shop_StatusOf(reader.readInt32(tag));
          break;
        case 3:
          $lines36.add(Shop_Codecs.decodeShop_Line(reader.readMessage(tag)));
          break;
        case 4:
          Shop_Codecs.putMapOfStringToShop_Money(reader.readMessage(tag), $discounts37);
          break;
        case 5:
          if (WireType.wireType(tag) == WireType.LEN) {
            ProtoReader $packed46 = reader.readMessage(tag);
            while (!$packed46.isAtEnd()) {
              $history38.add(Shop_Codecs.shop_StatusOf((int) $packed46.readRawVarint()));
            }
          } else {
            $history38.add(Shop_Codecs.shop_StatusOf(reader.readInt32(tag)));
          }
          break;
        case 6:
          $placed39 = Codecs.instant(reader.readMessage(tag));
          break;
        case 7:
          $ttl40 = Codecs.duration(reader.readMessage(tag));
          break;
        case 8:
          $tip41 = Optional.of(Shop_Codecs.decodeShop_Money(reader.readMessage(tag)));
          break;
        case 20:
          $matrix42.add(Shop_Codecs.decodeListOfBoxedInt(reader.readMessage(tag)));
          break;
        case 10:
          Shop_Codecs.putMapOfBoxedLongToListOfString(reader.readMessage(tag), $tags43);
          break;
        case 11:
          $flags44 = Optional.of(Shop_Codecs.decodeListOfShop_Status(reader.readMessage(tag)));
          break;
        case 12:
          if (WireType.wireType(tag) == WireType.LEN) {
            ProtoReader $packed47 = reader.readMessage(tag);
            while (!$packed47.isAtEnd()) {
              $weights45.add(Double.longBitsToDouble($packed47.readRawFixed64()));
            }
          } else {
            $weights45.add(reader.readDouble(tag));
          }
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Order($id34, $status35, $lines36, $discounts37, $history38, $placed39, $ttl40,
        $tip41, $matrix42, $tags43, $flags44, $weights45);
  }

  static int numberOfShop_Status(Shop.Status value) {
    switch (value) {
      case NEW:
        return 0;
      case PAID:
        return 1;
      case SHIPPED:
        return 7;
      default:
        throw new IllegalArgumentException("Unknown constant " + value);
    }
  }

  static Shop.Status shop_StatusOf(int number) {
    switch (number) {
      case 0:
        return Shop.Status.NEW;
      case 1:
        return Shop.Status.PAID;
      case 7:
        return Shop.Status.SHIPPED;
      default:
        // An unknown number, written by a newer version: the proto3 default.
        return Shop.Status.NEW;
    }
  }

  static ProtoWriter encodeShop_Line(Shop.Line value) {
    ProtoWriter w = new ProtoWriter();
    String $sku48 = value.sku();
    if ($sku48 == null) {
      throw CodecException.nullValue(".sku");
    }
    if (!$sku48.isEmpty()) {
      w.writeString(1, $sku48);
    }
    int $quantity49 = value.quantity();
    if ($quantity49 != 0) {
      w.writeInt32(2, $quantity49);
    }
    Shop.Money $price50 = value.price();
    if ($price50 == null) {
      throw CodecException.nullValue(".price");
    }
    try {
      w.writeMessage(3, Shop_Codecs.encodeShop_Money($price50));
    } catch (CodecException x) {
      throw x.under(".price");
    }
    Optional<String> $note51 = value.note();
    if ($note51 == null) {
      throw CodecException.nullValue(".note");
    }
    if ($note51.isPresent()) {
      String $content52 = $note51.get();
      w.writeString(4, $content52);
    }
    return w;
  }

  static Shop.Line decodeShop_Line(ProtoReader reader) {
    String $sku53 = "";
    int $quantity54 = 0;
    Shop.Money $price55 = null;
    Optional<String> $note56 = Optional.empty();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $sku53 = reader.readString(tag);
          break;
        case 2:
          $quantity54 = reader.readInt32(tag);
          break;
        case 3:
          $price55 = Shop_Codecs.decodeShop_Money(reader.readMessage(tag));
          break;
        case 4:
          $note56 = Optional.of(reader.readString(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    if ($price55 == null) {
      $price55 = Shop_Codecs.decodeShop_Money(new ProtoReader(new byte[0]));
    }
    return new Shop.Line($sku53, $quantity54, $price55, $note56);
  }

  static ProtoWriter encodeShop_Money(Shop.Money value) {
    ProtoWriter w = new ProtoWriter();
    long $cents57 = value.cents();
    if ($cents57 != 0L) {
      w.writeInt64(1, $cents57);
    }
    String $currency58 = value.currency();
    if ($currency58 == null) {
      throw CodecException.nullValue(".currency");
    }
    if (!$currency58.isEmpty()) {
      w.writeString(2, $currency58);
    }
    return w;
  }

  static Shop.Money decodeShop_Money(ProtoReader reader) {
    long $cents59 = 0L;
    String $currency60 = "";
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $cents59 = reader.readInt64(tag);
          break;
        case 2:
          $currency60 = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Money($cents59, $currency60);
  }

  static ProtoWriter encodeShop_Category(Shop.Category value) {
    ProtoWriter w = new ProtoWriter();
    String $name61 = value.name();
    if ($name61 == null) {
      throw CodecException.nullValue(".name");
    }
    if (!$name61.isEmpty()) {
      w.writeString(1, $name61);
    }
    List<Shop.Category> $children62 = value.children();
    if ($children62 == null) {
      throw CodecException.nullValue(".children");
    }
    int $i64 = 0;
    for (Shop.Category $e63 : $children62) {
      if ($e63 == null) {
        throw CodecException.nullValue(".children[" + $i64 + "]");
      }
      try {
        w.writeMessage(2, Shop_Codecs.encodeShop_Category($e63));
      } catch (CodecException x) {
        throw x.under(".children[" + $i64 + "]");
      }
      $i64++;
    }
    return w;
  }

  static Shop.Category decodeShop_Category(ProtoReader reader) {
    String $name65 = "";
    List<Shop.Category> $children66 = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $name65 = reader.readString(tag);
          break;
        case 2:
          $children66.add(Shop_Codecs.decodeShop_Category(reader.readMessage(tag)));
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Category($name65, $children66);
  }

  static ProtoWriter encodeListOfBoxedInt(List<Integer> value) {
    ProtoWriter w = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("");
    }
    if (!value.isEmpty()) {
      ProtoWriter $packed69 = new ProtoWriter();
      int $i68 = 0;
      for (Integer $e67 : value) {
        if ($e67 == null) {
          throw CodecException.nullValue("[" + $i68 + "]");
        }
        $packed69.writeRawVarint32($e67);
        $i68++;
      }
      w.writeMessage(1, $packed69);
    }
    return w;
  }

  static List<Integer> decodeListOfBoxedInt(ProtoReader reader) {
    List<Integer> value = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        if (WireType.wireType(tag) == WireType.LEN) {
          ProtoReader $packed70 = reader.readMessage(tag);
          while (!$packed70.isAtEnd()) {
            value.add((int) $packed70.readRawVarint());
          }
        } else {
          value.add(reader.readInt32(tag));
        }
      } else {
        reader.skip(tag);
      }
    }
    return value;
  }

  static ProtoWriter encodeListOfString(List<String> value) {
    ProtoWriter w = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("");
    }
    int $i72 = 0;
    for (String $e71 : value) {
      if ($e71 == null) {
        throw CodecException.nullValue("[" + $i72 + "]");
      }
      w.writeString(1, $e71);
      $i72++;
    }
    return w;
  }

  static List<String> decodeListOfString(ProtoReader reader) {
    List<String> value = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        value.add(reader.readString(tag));
      } else {
        reader.skip(tag);
      }
    }
    return value;
  }

  static ProtoWriter encodeListOfShop_Status(List<Shop.Status> value) {
    ProtoWriter w = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("");
    }
    if (!value.isEmpty()) {
      ProtoWriter $packed75 = new ProtoWriter();
      int $i74 = 0;
      for (Shop.Status $e73 : value) {
        if ($e73 == null) {
          throw CodecException.nullValue("[" + $i74 + "]");
        }
        $packed75.writeRawVarint32(Shop_Codecs.numberOfShop_Status($e73));
        $i74++;
      }
      w.writeMessage(1, $packed75);
    }
    return w;
  }

  static List<Shop.Status> decodeListOfShop_Status(ProtoReader reader) {
    List<Shop.Status> value = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        if (WireType.wireType(tag) == WireType.LEN) {
          ProtoReader $packed76 = reader.readMessage(tag);
          while (!$packed76.isAtEnd()) {
            value.add(Shop_Codecs.shop_StatusOf((int) $packed76.readRawVarint()));
          }
        } else {
          value.add(Shop_Codecs.shop_StatusOf(reader.readInt32(tag)));
        }
      } else {
        reader.skip(tag);
      }
    }
    return value;
  }

  static void putMapOfStringToShop_Money(ProtoReader entry, Map<String, Shop.Money> into) {
    String key = "";
    Shop.Money value = null;
    for (int tag; (tag = entry.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          key = entry.readString(tag);
          break;
        case 2:
          value = Shop_Codecs.decodeShop_Money(entry.readMessage(tag));
          break;
        default:
          entry.skip(tag);
      }
    }
    if (value == null) {
      value = Shop_Codecs.decodeShop_Money(new ProtoReader(new byte[0]));
    }
    into.put(key, value);
  }

  static void putMapOfBoxedLongToListOfString(ProtoReader entry, Map<Long, List<String>> into) {
    Long key = 0L;
    List<String> value = new ArrayList<>();
    for (int tag; (tag = entry.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          key = entry.readInt64(tag);
          break;
        case 2:
          value.add(entry.readString(tag));
          break;
        default:
          entry.skip(tag);
      }
    }
    into.put(key, value);
  }

  static void putMapOfStringToBoxedInt(ProtoReader entry, Map<String, Integer> into) {
    String key = "";
    Integer value = 0;
    for (int tag; (tag = entry.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          key = entry.readString(tag);
          break;
        case 2:
          value = entry.readInt32(tag);
          break;
        default:
          entry.skip(tag);
      }
    }
    into.put(key, value);
  }
}
