package dev.duro.samples.orders;

import com.google.protobuf.StringValue;
import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One customer's order book: ordinary Java records, an enum, lists, maps, an {@code Optional}, an
 * {@code Instant} and a protobuf message in {@code @Rpc} signatures and {@code @Persist} state, all
 * encoded by the processor's generated codecs and described by its generated {@code
 * OrderBook.proto}.
 */
@DurableObject("orders.OrderBook")
public class OrderBook {
  /** Where an order is. */
  public enum Status {
    OPEN,
    PAID,
    SHIPPED,
    CANCELLED
  }

  /** An amount of money in the smallest unit of its currency. */
  public record Money(long minorUnits, String currency) {}

  /** One line of an order. */
  public record Line(String sku, int quantity, Money unitPrice) {}

  /**
   * An order: nested records, a list, a map of attributes, an optional coupon, a time and a
   * protobuf {@code StringValue} note (a message class from protobuf-java).
   */
  public record Order(
      String id,
      Status status,
      List<Line> lines,
      Map<String, String> attributes,
      Optional<String> coupon,
      Instant placedAt,
      StringValue note) {}

  @Persist Map<String, Order> orders = new LinkedHashMap<>();
  @Persist List<String> history = new ArrayList<>();

  /** Places an order, replacing any order with the same id; returns it. */
  @Rpc
  public Order place(Order order) {
    orders.put(order.id(), order);
    history.add(order.id() + ":" + order.status());
    return order;
  }

  /** The order with this id, if any. */
  @Rpc
  public Optional<Order> find(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Moves an order to a new status; returns the updated order. */
  @Rpc
  public Order advance(String id, Status status) {
    Order o = orders.get(id);
    if (o == null) {
      throw new IllegalArgumentException("no order " + id);
    }
    Order updated =
        new Order(o.id(), status, o.lines(), o.attributes(), o.coupon(), o.placedAt(), o.note());
    orders.put(id, updated);
    history.add(id + ":" + status);
    return updated;
  }

  /** Every order, in placement order. */
  @Rpc
  public List<Order> all() {
    return new ArrayList<>(orders.values());
  }

  /** The number of orders in each status that has any, by status name. */
  @Rpc
  public Map<String, Integer> countByStatus() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Order o : orders.values()) {
      counts.merge(o.status().name(), 1, Integer::sum);
    }
    return counts;
  }

  /** Every placement and status change, oldest first ({@code id:STATUS}). */
  @Rpc
  public List<String> history() {
    return history;
  }
}
