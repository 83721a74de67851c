package dev.duro.samples.orders;

import com.google.protobuf.StringValue;
import dev.duro.samples.orders.OrderBook.Line;
import dev.duro.samples.orders.OrderBook.Money;
import dev.duro.samples.orders.OrderBook.Order;
import dev.duro.samples.orders.OrderBook.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sample orders that use every part of the type system. */
final class Orders {
  private Orders() {}

  static Order first() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("channel", "web");
    attributes.put("gift", "yes");
    return new Order(
        "o-1",
        Status.OPEN,
        List.of(
            new Line("book", 2, new Money(1_999, "EUR")),
            new Line("pen", 10, new Money(150, "EUR"))),
        attributes,
        Optional.of("WELCOME10"),
        Instant.parse("2026-11-23T10:15:30.123456789Z"),
        StringValue.of("leave at the door ü"));
  }

  static Order second() {
    return new Order(
        "o-2",
        Status.OPEN,
        List.of(new Line("lamp", 1, new Money(4_500, "USD"))),
        Map.of(),
        Optional.empty(),
        Instant.EPOCH,
        StringValue.getDefaultInstance());
  }
}
