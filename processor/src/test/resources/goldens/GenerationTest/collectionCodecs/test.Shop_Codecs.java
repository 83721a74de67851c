package test;

import dev.duro.binding.DuroGenerated;
import dev.duro.codec.CodecException;
import dev.duro.codec.Codecs;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.ValueCodec;
import dev.duro.codec.ValueCodecs;
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
        $out23.writeMessage(2, Shop_Codecs.encodeListOfString($value25));
      } catch (CodecException e) {
        throw e.under(".tags[" + $key24 + "]");
      }
      w.writeMessage(10, $out23);
    }
    Optional<List<Shop.Status>> $flags26 = value.flags();
    if ($flags26 == null) {
      throw CodecException.nullValue(".flags");
    }
    if ($flags26.isPresent()) {
      List<Shop.Status> $content27 = $flags26.get();
      try {
        w.writeMessage(11, Shop_Codecs.encodeListOfShop_Status($content27));
      } catch (CodecException x) {
        throw x.under(".flags.get()");
      }
    }
    List<Double> $weights28 = value.weights();
    if ($weights28 == null) {
      throw CodecException.nullValue(".weights");
    }
    if (!$weights28.isEmpty()) {
      ProtoWriter $packed31 = new ProtoWriter();
      int $i30 = 0;
      for (Double $e29 : $weights28) {
        if ($e29 == null) {
          throw CodecException.nullValue(".weights[" + $i30 + "]");
        }
        $packed31.writeRawFixed64(Double.doubleToRawLongBits($e29));
        $i30++;
      }
      w.writeMessage(12, $packed31);
    }
    return w;
  }

  static Shop.Order decodeShop_Order(ProtoReader reader) {
    UUID $id32 = new UUID(0L, 0L);
    Shop.Status $status33 = Shop.Status.NEW;
    List<Shop.Line> $lines34 = new ArrayList<>();
    Map<String, Shop.Money> $discounts35 = new LinkedHashMap<>();
    Set<Shop.Status> $history36 = new LinkedHashSet<>();
    Instant $placed37 = Instant.EPOCH;
    Duration $ttl38 = Duration.ZERO;
    Optional<Shop.Money> $tip39 = Optional.empty();
    List<List<Integer>> $matrix40 = new ArrayList<>();
    Map<Long, List<String>> $tags41 = new LinkedHashMap<>();
    Optional<List<Shop.Status>> $flags42 = Optional.empty();
    List<Double> $weights43 = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $id32 = Codecs.uuid(reader.readString(tag));
          break;
        case 2:
          $status33 = Shop_Codecs.shop_StatusOf(reader.readInt32(tag));
          break;
        case 3:
          $lines34.add(Shop_Codecs.decodeShop_Line(reader.readMessage(tag)));
          break;
        case 4:
          Shop_Codecs.putMapOfStringToShop_Money(reader.readMessage(tag), $discounts35);
          break;
        case 5:
          if (WireType.wireType(tag) == WireType.LEN) {
            ProtoReader $packed44 = reader.readMessage(tag);
            while (!$packed44.isAtEnd()) {
              $history36.add(Shop_Codecs.shop_StatusOf((int) $packed44.readRawVarint()));
            }
          } else {
            $history36.add(Shop_Codecs.shop_StatusOf(reader.readInt32(tag)));
          }
          break;
        case 6:
          $placed37 = Codecs.instant(reader.readMessage(tag));
          break;
        case 7:
          $ttl38 = Codecs.duration(reader.readMessage(tag));
          break;
        case 8:
          $tip39 = Optional.of(Shop_Codecs.decodeShop_Money(reader.readMessage(tag)));
          break;
        case 20:
          $matrix40.add(Shop_Codecs.decodeListOfBoxedInt(reader.readMessage(tag)));
          break;
        case 10:
          Shop_Codecs.putMapOfBoxedLongToListOfString(reader.readMessage(tag), $tags41);
          break;
        case 11:
          $flags42 = Optional.of(Shop_Codecs.decodeListOfShop_Status(reader.readMessage(tag)));
          break;
        case 12:
          if (WireType.wireType(tag) == WireType.LEN) {
            ProtoReader $packed45 = reader.readMessage(tag);
            while (!$packed45.isAtEnd()) {
              $weights43.add(Double.longBitsToDouble($packed45.readRawFixed64()));
            }
          } else {
            $weights43.add(reader.readDouble(tag));
          }
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Order($id32, $status33, $lines34, $discounts35, $history36, $placed37, $ttl38,
        $tip39, $matrix40, $tags41, $flags42, $weights43);
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
    String $sku46 = value.sku();
    if ($sku46 == null) {
      throw CodecException.nullValue(".sku");
    }
    if (!$sku46.isEmpty()) {
      w.writeString(1, $sku46);
    }
    int $quantity47 = value.quantity();
    if ($quantity47 != 0) {
      w.writeInt32(2, $quantity47);
    }
    Shop.Money $price48 = value.price();
    if ($price48 == null) {
      throw CodecException.nullValue(".price");
    }
    try {
      w.writeMessage(3, Shop_Codecs.encodeShop_Money($price48));
    } catch (CodecException x) {
      throw x.under(".price");
    }
    Optional<String> $note49 = value.note();
    if ($note49 == null) {
      throw CodecException.nullValue(".note");
    }
    if ($note49.isPresent()) {
      String $content50 = $note49.get();
      w.writeString(4, $content50);
    }
    return w;
  }

  static Shop.Line decodeShop_Line(ProtoReader reader) {
    String $sku51 = "";
    int $quantity52 = 0;
    Shop.Money $price53 = null;
    Optional<String> $note54 = Optional.empty();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $sku51 = reader.readString(tag);
          break;
        case 2:
          $quantity52 = reader.readInt32(tag);
          break;
        case 3:
          $price53 = Shop_Codecs.decodeShop_Money(reader.readMessage(tag));
          break;
        case 4:
          $note54 = Optional.of(reader.readString(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    if ($price53 == null) {
      $price53 = Shop_Codecs.decodeShop_Money(new ProtoReader(new byte[0]));
    }
    return new Shop.Line($sku51, $quantity52, $price53, $note54);
  }

  static ProtoWriter encodeShop_Money(Shop.Money value) {
    ProtoWriter w = new ProtoWriter();
    long $cents55 = value.cents();
    if ($cents55 != 0L) {
      w.writeInt64(1, $cents55);
    }
    String $currency56 = value.currency();
    if ($currency56 == null) {
      throw CodecException.nullValue(".currency");
    }
    if (!$currency56.isEmpty()) {
      w.writeString(2, $currency56);
    }
    return w;
  }

  static Shop.Money decodeShop_Money(ProtoReader reader) {
    long $cents57 = 0L;
    String $currency58 = "";
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $cents57 = reader.readInt64(tag);
          break;
        case 2:
          $currency58 = reader.readString(tag);
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Money($cents57, $currency58);
  }

  static ProtoWriter encodeShop_Category(Shop.Category value) {
    ProtoWriter w = new ProtoWriter();
    String $name59 = value.name();
    if ($name59 == null) {
      throw CodecException.nullValue(".name");
    }
    if (!$name59.isEmpty()) {
      w.writeString(1, $name59);
    }
    List<Shop.Category> $children60 = value.children();
    if ($children60 == null) {
      throw CodecException.nullValue(".children");
    }
    int $i62 = 0;
    for (Shop.Category $e61 : $children60) {
      if ($e61 == null) {
        throw CodecException.nullValue(".children[" + $i62 + "]");
      }
      try {
        w.writeMessage(2, Shop_Codecs.encodeShop_Category($e61));
      } catch (CodecException x) {
        throw x.under(".children[" + $i62 + "]");
      }
      $i62++;
    }
    return w;
  }

  static Shop.Category decodeShop_Category(ProtoReader reader) {
    String $name63 = "";
    List<Shop.Category> $children64 = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          $name63 = reader.readString(tag);
          break;
        case 2:
          $children64.add(Shop_Codecs.decodeShop_Category(reader.readMessage(tag)));
          break;
        default:
          reader.skip(tag);
      }
    }
    return new Shop.Category($name63, $children64);
  }

  static ProtoWriter encodeListOfBoxedInt(List<Integer> value) {
    ProtoWriter w = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("");
    }
    if (!value.isEmpty()) {
      ProtoWriter $packed67 = new ProtoWriter();
      int $i66 = 0;
      for (Integer $e65 : value) {
        if ($e65 == null) {
          throw CodecException.nullValue("[" + $i66 + "]");
        }
        $packed67.writeRawVarint32($e65);
        $i66++;
      }
      w.writeMessage(1, $packed67);
    }
    return w;
  }

  static List<Integer> decodeListOfBoxedInt(ProtoReader reader) {
    List<Integer> value = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        if (WireType.wireType(tag) == WireType.LEN) {
          ProtoReader $packed68 = reader.readMessage(tag);
          while (!$packed68.isAtEnd()) {
            value.add((int) $packed68.readRawVarint());
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
    int $i70 = 0;
    for (String $e69 : value) {
      if ($e69 == null) {
        throw CodecException.nullValue("[" + $i70 + "]");
      }
      w.writeString(1, $e69);
      $i70++;
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
      ProtoWriter $packed73 = new ProtoWriter();
      int $i72 = 0;
      for (Shop.Status $e71 : value) {
        if ($e71 == null) {
          throw CodecException.nullValue("[" + $i72 + "]");
        }
        $packed73.writeRawVarint32(Shop_Codecs.numberOfShop_Status($e71));
        $i72++;
      }
      w.writeMessage(1, $packed73);
    }
    return w;
  }

  static List<Shop.Status> decodeListOfShop_Status(ProtoReader reader) {
    List<Shop.Status> value = new ArrayList<>();
    for (int tag; (tag = reader.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        if (WireType.wireType(tag) == WireType.LEN) {
          ProtoReader $packed74 = reader.readMessage(tag);
          while (!$packed74.isAtEnd()) {
            value.add(Shop_Codecs.shop_StatusOf((int) $packed74.readRawVarint()));
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
          value = Shop_Codecs.decodeListOfString(entry.readMessage(tag));
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

  private static byte[] storeShop_Order(Shop.Order value) {
    return new ProtoWriter().writeMessage(1, encodeShop_Order(value)).toByteArray();
  }

  private static Shop.Order storedShop_Order(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    ProtoReader m = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        m = r.readMessage(tag);
      } else {
        r.skip(tag);
      }
    }
    return decodeShop_Order(m != null ? m : new ProtoReader(new byte[0]));
  }

  private static byte[] storeShop_Status(Shop.Status value) {
    return new ProtoWriter().writeInt32(1, numberOfShop_Status(value)).toByteArray();
  }

  private static Shop.Status storedShop_Status(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    int n = 0;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        n = r.readInt32(tag);
      } else {
        r.skip(tag);
      }
    }
    return shop_StatusOf(n);
  }

  private static byte[] storeShop_Line(Shop.Line value) {
    return new ProtoWriter().writeMessage(1, encodeShop_Line(value)).toByteArray();
  }

  private static Shop.Line storedShop_Line(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    ProtoReader m = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        m = r.readMessage(tag);
      } else {
        r.skip(tag);
      }
    }
    return decodeShop_Line(m != null ? m : new ProtoReader(new byte[0]));
  }

  private static byte[] storeShop_Money(Shop.Money value) {
    return new ProtoWriter().writeMessage(1, encodeShop_Money(value)).toByteArray();
  }

  private static Shop.Money storedShop_Money(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    ProtoReader m = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        m = r.readMessage(tag);
      } else {
        r.skip(tag);
      }
    }
    return decodeShop_Money(m != null ? m : new ProtoReader(new byte[0]));
  }

  private static byte[] storeShop_Category(Shop.Category value) {
    return new ProtoWriter().writeMessage(1, encodeShop_Category(value)).toByteArray();
  }

  private static Shop.Category storedShop_Category(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    ProtoReader m = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        m = r.readMessage(tag);
      } else {
        r.skip(tag);
      }
    }
    return decodeShop_Category(m != null ? m : new ProtoReader(new byte[0]));
  }

  /**
   * Registers the codecs of the records and enums above for typed storage values.
   */
  static void registerValueCodecs() {
    ValueCodecs.register(ValueCodec.of(Shop.Order.class, Shop_Codecs::storeShop_Order, Shop_Codecs::storedShop_Order));
    ValueCodecs.register(ValueCodec.of(Shop.Status.class, Shop_Codecs::storeShop_Status, Shop_Codecs::storedShop_Status));
    ValueCodecs.register(ValueCodec.of(Shop.Line.class, Shop_Codecs::storeShop_Line, Shop_Codecs::storedShop_Line));
    ValueCodecs.register(ValueCodec.of(Shop.Money.class, Shop_Codecs::storeShop_Money, Shop_Codecs::storedShop_Money));
    ValueCodecs.register(ValueCodec.of(Shop.Category.class, Shop_Codecs::storeShop_Category, Shop_Codecs::storedShop_Category));
  }
}
