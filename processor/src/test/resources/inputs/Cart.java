package test;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.StringValue;
import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A dotted namespace, protobuf messages, map values that are lists, clashing enum values. */
@DurableObject("shop.Cart")
public class Cart {
  public enum Color { RED, GREEN }

  /** GREEN is also a Color constant: both enums' values get prefixed in the .proto. */
  public enum Light { GREEN, AMBER }

  public record Item(
      String sku,
      Color color,
      StringValue label,
      FileDescriptorProto schema,
      Map<String, List<Integer>> sizes,
      Optional<String> note) {}

  @Persist Map<String, Item> items = new LinkedHashMap<>();

  @Rpc
  public void put(String key, Item item, Optional<Integer> quantity, Integer boxed, long count,
      Light light) {
    items.put(key, item);
  }

  @Rpc
  public Optional<Item> get(String key) {
    return Optional.ofNullable(items.get(key));
  }

  @Rpc
  public com.google.protobuf.Timestamp touched(Duration ttl, Instant at, UUID id, byte[] raw) {
    return com.google.protobuf.Timestamp.getDefaultInstance();
  }
}
