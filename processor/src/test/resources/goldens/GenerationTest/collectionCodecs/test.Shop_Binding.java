package test;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.CodecException;
import dev.duro.codec.Codecs;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Binds durable object class {@link Shop} to Duro hosts: creates instances, dispatches calls,
 * stores and loads its {@code @Persist} fields and runs its lifecycle methods, without reflection.
 *
 * <p>Hosts find it with {@link ServiceLoader}; it is not meant to be used directly. Stateless and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class Shop_Binding implements ObjectBinding<Shop> {
  private static final List<String> METHOD_NAMES = List.of("place", "tree", "all", "find", "count");

  private static final List<String> FIELD_NAMES = List.of("orders", "counts", "last", "updated");

  static {
    Shop_Codecs.registerValueCodecs();
  }

  /**
   * Creates the binding; called by {@link ServiceLoader}.
   */
  public Shop_Binding() {
  }

  @Override
  public String namespace() {
    return "Shop";
  }

  @Override
  public Class<Shop> objectClass() {
    return Shop.class;
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
  public Shop newInstance(ObjectContext context) {
    return new Shop();
  }

  @Override
  public Invocation<Shop> decode(String method, byte[] request) {
    switch (method) {
      case "place":
        return decodePlace(request);
      case "tree":
        return decodeTree(request);
      case "all":
        return decodeAll(request);
      case "find":
        return decodeFind(request);
      case "count":
        return decodeCount(request);
      default:
        throw new UnknownMethodException("Namespace Shop has no method '" + method + "'; it has "
            + METHOD_NAMES);
    }
  }

  @Override
  public void writeFields(Shop object, FieldSink sink) {
    sink.put("orders", encodeListOfShop_Order(object.orders));
    sink.put("counts", encodeMapOfStringToBoxedInt(object.counts));
    sink.put("last", encodeShop_Status(object.last));
    sink.put("updated", encodeOptionalOfInstant(object.updated));
  }

  @Override
  public void readFields(Shop object, FieldSource source) {
    object.orders = decodeListOfShop_Order(source.get("orders"));
    object.counts = decodeMapOfStringToBoxedInt(source.get("counts"));
    object.last = decodeShop_Status(source.get("last"));
    object.updated = decodeOptionalOfInstant(source.get("updated"));
  }

  @Override
  public void onActivate(Shop object) throws Exception {
  }

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(Shop object, AlarmInfo info) throws Exception {
  }

  private static Invocation<Shop> decodePlace(byte[] request) {
    Shop.Order order = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          order = Shop_Codecs.decodeShop_Order(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokePlace(order);
  }

  private static Invocation<Shop> invokePlace(Shop.Order order) {
    return object -> encodeShop_Order(object.place(order));
  }

  private static Invocation<Shop> decodeTree(byte[] request) {
    Shop.Category root = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          root = Shop_Codecs.decodeShop_Category(reader.readMessage(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeTree(root);
  }

  private static Invocation<Shop> invokeTree(Shop.Category root) {
    return object -> encodeShop_Category(object.tree(root));
  }

  private static Invocation<Shop> decodeAll(byte[] request) {
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      reader.skip(tag);
    }
    return invokeAll();
  }

  private static Invocation<Shop> invokeAll() {
    return object -> encodeListOfShop_Order(object.all());
  }

  private static Invocation<Shop> decodeFind(byte[] request) {
    UUID id = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          id = Codecs.uuid(reader.readString(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeFind(id);
  }

  private static Invocation<Shop> invokeFind(UUID id) {
    return object -> encodeOptionalOfShop_Order(object.find(id));
  }

  private static Invocation<Shop> decodeCount(byte[] request) {
    List<String> keys = new ArrayList<>();
    Shop.Status status = null;
    ProtoReader reader = new ProtoReader(request);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          keys.add(reader.readString(tag));
          break;
        case 2:
          status = Shop_Codecs.shop_StatusOf(reader.readInt32(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return invokeCount(keys, status);
  }

  private static Invocation<Shop> invokeCount(List<String> keys, Shop.Status status) {
    return object -> encodeMapOfStringToBoxedInt(object.count(keys, status));
  }

  private static byte[] encodeShop_Order(Shop.Order value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      try {
        writer.writeMessage(1, Shop_Codecs.encodeShop_Order(value));
      } catch (CodecException x) {
        throw x.under("value");
      }
    }
    return writer.toByteArray();
  }

  private static byte[] encodeShop_Category(Shop.Category value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      try {
        writer.writeMessage(1, Shop_Codecs.encodeShop_Category(value));
      } catch (CodecException x) {
        throw x.under("value");
      }
    }
    return writer.toByteArray();
  }

  private static byte[] encodeListOfShop_Order(List<Shop.Order> value) {
    ProtoWriter writer = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("value");
    }
    int $i1 = 0;
    for (Shop.Order $e0 : value) {
      if ($e0 == null) {
        throw CodecException.nullValue("value[" + $i1 + "]");
      }
      try {
        writer.writeMessage(1, Shop_Codecs.encodeShop_Order($e0));
      } catch (CodecException x) {
        throw x.under("value[" + $i1 + "]");
      }
      $i1++;
    }
    return writer.toByteArray();
  }

  private static byte[] encodeOptionalOfShop_Order(Optional<Shop.Order> value) {
    ProtoWriter writer = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("value");
    }
    if (value.isPresent()) {
      Shop.Order $content2 = value.get();
      try {
        writer.writeMessage(1, Shop_Codecs.encodeShop_Order($content2));
      } catch (CodecException x) {
        throw x.under("value.get()");
      }
    }
    return writer.toByteArray();
  }

  private static byte[] encodeMapOfStringToBoxedInt(Map<String, Integer> value) {
    ProtoWriter writer = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("value");
    }
    for (Map.Entry<String, Integer> $entry3 : value.entrySet()) {
      ProtoWriter $out4 = new ProtoWriter();
      String $key5 = $entry3.getKey();
      Integer $value6 = $entry3.getValue();
      if ($key5 == null) {
        throw CodecException.nullValue("value{key}");
      }
      if (!$key5.isEmpty()) {
        $out4.writeString(1, $key5);
      }
      try {
        if ($value6 == null) {
          throw CodecException.nullValue("");
        }
        if ($value6 != 0) {
          $out4.writeInt32(2, $value6);
        }
      } catch (CodecException e) {
        throw e.under("value[" + $key5 + "]");
      }
      writer.writeMessage(1, $out4);
    }
    return writer.toByteArray();
  }

  private static byte[] encodeShop_Status(Shop.Status value) {
    ProtoWriter writer = new ProtoWriter();
    if (value != null) {
      writer.writeInt32(1, Shop_Codecs.numberOfShop_Status(value));
    }
    return writer.toByteArray();
  }

  private static byte[] encodeOptionalOfInstant(Optional<Instant> value) {
    ProtoWriter writer = new ProtoWriter();
    if (value == null) {
      throw CodecException.nullValue("value");
    }
    if (value.isPresent()) {
      Instant $content7 = value.get();
      writer.writeMessage(1, Codecs.timestamp($content7));
    }
    return writer.toByteArray();
  }

  private static List<Shop.Order> decodeListOfShop_Order(byte[] message) {
    if (message == null) {
      return new ArrayList<>();
    }
    List<Shop.Order> value = new ArrayList<>();
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value.add(Shop_Codecs.decodeShop_Order(reader.readMessage(tag)));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Map<String, Integer> decodeMapOfStringToBoxedInt(byte[] message) {
    if (message == null) {
      return new LinkedHashMap<>();
    }
    Map<String, Integer> value = new LinkedHashMap<>();
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          Shop_Codecs.putMapOfStringToBoxedInt(reader.readMessage(tag), value);
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Shop.Status decodeShop_Status(byte[] message) {
    if (message == null) {
      return null;
    }
    Shop.Status value = null;
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = Shop_Codecs.shop_StatusOf(reader.readInt32(tag));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }

  private static Optional<Instant> decodeOptionalOfInstant(byte[] message) {
    if (message == null) {
      return Optional.empty();
    }
    Optional<Instant> value = Optional.empty();
    ProtoReader reader = new ProtoReader(message);
    for (int tag; (tag = reader.readTag()) != 0; ) {
      switch (WireType.fieldNumber(tag)) {
        case 1:
          value = Optional.of(Codecs.instant(reader.readMessage(tag)));
          break;
        default:
          reader.skip(tag);
      }
    }
    return value;
  }
}
