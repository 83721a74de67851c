package test;

import dev.duro.DurableObject;
import dev.duro.Field;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Uses records, enums, collections, Optional and the well-known JDK types. */
@DurableObject
public class Shop {
  public enum Status { NEW, PAID, @Field(7) SHIPPED }

  public record Money(long cents, String currency) {}

  public record Line(String sku, int quantity, Money price, Optional<String> note) {}

  public record Order(
      UUID id,
      Status status,
      List<Line> lines,
      Map<String, Money> discounts,
      Set<Status> history,
      Instant placed,
      Duration ttl,
      Optional<Money> tip,
      @Field(20) List<List<Integer>> matrix,
      Map<Long, List<String>> tags,
      Optional<List<Status>> flags,
      List<Double> weights) {}

  /** Recursive through a List, so finite values exist. */
  public record Category(String name, List<Category> children) {}

  @Persist List<Order> orders = new ArrayList<>();
  @Persist Map<String, Integer> counts = new LinkedHashMap<>();
  @Persist Status last;
  @Persist Optional<Instant> updated = Optional.empty();

  @Rpc
  public Order place(Order order) {
    orders.add(order);
    last = order.status();
    return order;
  }

  @Rpc
  public Category tree(Category root) {
    return root;
  }

  @Rpc
  public List<Order> all() {
    return orders;
  }

  @Rpc
  public Optional<Order> find(UUID id) {
    return orders.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  @Rpc
  public Map<String, Integer> count(List<String> keys, Status status) {
    for (String k : keys) {
      counts.merge(k, 1, Integer::sum);
    }
    last = status;
    return counts;
  }
}
