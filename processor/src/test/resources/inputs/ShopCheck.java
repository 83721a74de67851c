package test;

import dev.duro.ObjectContext;
import dev.duro.binding.Invoker;
import dev.duro.codec.CodecException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Typed checks of Shop's generated code, run by CodecsTest after compiling both files. */
public final class ShopCheck {
  private ShopCheck() {}

  /** A stub whose invoker hands requests straight to the binding and the object. */
  static ShopStub stub(Shop_Binding binding, Shop object) {
    Invoker invoker =
        (namespace, id, method, request) -> {
          try {
            return CompletableFuture.completedFuture(binding.decode(method, request).invoke(object));
          } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
          }
        };
    return ShopNamespace.of(invoker).get("a");
  }

  /** Round-trips {@code count} random orders through stub, binding and @Persist fields. */
  public static void roundTrip(long seed, int count, ObjectContext context) {
    Random random = new Random(seed);
    Shop_Binding binding = new Shop_Binding();
    Shop object = binding.newInstance(context);
    ShopStub stub = stub(binding, object);
    List<Shop.Order> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Shop.Order order = randomOrder(random);
      sent.add(order);
      check(order.equals(stub.place(order)), "place echoes " + order);
    }
    check(sent.equals(stub.all()), "all");
    Shop.Order first = sent.get(0);
    check(Optional.of(first).equals(stub.find(first.id())), "find");
    check(Optional.empty().equals(stub.find(new UUID(1, 2))), "find missing");
    Shop.Category tree =
        new Shop.Category(
            "root", List.of(new Shop.Category("a", List.of()), new Shop.Category("", List.of())));
    check(tree.equals(stub.tree(tree)), "recursive record");
    Map<String, Integer> counts = stub.count(List.of("a", "b", "a", ""), Shop.Status.SHIPPED);
    check(Map.of("a", 2, "b", 1, "", 1).equals(counts), "count " + counts);
    Map<String, byte[]> stored = new HashMap<>();
    object.updated = Optional.of(Instant.ofEpochSecond(-5, 7));
    binding.writeFields(object, stored::put);
    Shop copy = binding.newInstance(context);
    binding.readFields(copy, stored::get);
    check(sent.equals(copy.orders), "orders persisted");
    check(object.counts.equals(copy.counts), "counts persisted");
    check(copy.last == Shop.Status.SHIPPED, "enum persisted");
    check(object.updated.equals(copy.updated), "optional persisted");
    Shop empty = binding.newInstance(context);
    binding.readFields(empty, f -> null);
    check(empty.orders.isEmpty() && empty.last == null && empty.updated.isEmpty(), "defaults");
  }

  /** The CodecException message for an order with a null price in its third line. */
  public static String nullPath(ObjectContext context) {
    Shop_Binding binding = new Shop_Binding();
    ShopStub stub = stub(binding, binding.newInstance(context));
    Random random = new Random(1);
    Shop.Order o = randomOrder(random);
    List<Shop.Line> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(new Shop.Line("s", 1, i == 2 ? null : new Shop.Money(1, "EUR"), Optional.empty()));
    }
    Shop.Order bad =
        new Shop.Order(o.id(), o.status(), lines, o.discounts(), o.history(), o.placed(), o.ttl(),
            o.tip(), o.matrix(), o.tags(), o.flags(), o.weights());
    try {
      stub.place(bad);
    } catch (CodecException e) {
      return e.getMessage();
    }
    throw new AssertionError("no CodecException");
  }

  public static Shop.Order randomOrder(Random r) {
    List<Shop.Line> lines = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      lines.add(
          new Shop.Line(
              string(r), r.nextInt(), money(r), r.nextBoolean() ? Optional.of(string(r)) : Optional.empty()));
    }
    Map<String, Shop.Money> discounts = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      discounts.put(string(r), money(r));
    }
    Set<Shop.Status> history = new LinkedHashSet<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      history.add(status(r));
    }
    List<List<Integer>> matrix = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      List<Integer> row = new ArrayList<>();
      for (int j = r.nextInt(4); j > 0; j--) {
        row.add(r.nextInt(5) - 2 == 0 ? Integer.MIN_VALUE : r.nextInt());
      }
      matrix.add(row);
    }
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      List<String> values = new ArrayList<>();
      for (int j = r.nextInt(3); j > 0; j--) {
        values.add(string(r));
      }
      tags.put(r.nextLong(), values);
    }
    Optional<List<Shop.Status>> flags =
        r.nextBoolean() ? Optional.empty() : Optional.of(r.nextBoolean() ? List.of() : List.of(status(r), status(r)));
    List<Double> weights = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      weights.add(r.nextBoolean() ? -0.0 : r.nextGaussian());
    }
    return new Shop.Order(
        r.nextInt(4) == 0 ? new UUID(0, 0) : new UUID(r.nextLong(), r.nextLong()),
        status(r),
        lines,
        discounts,
        history,
        Instant.ofEpochSecond(r.nextInt() * 10L, r.nextInt(1_000_000_000)),
        Duration.ofSeconds(r.nextInt(), r.nextInt(1_000_000_000)),
        r.nextBoolean() ? Optional.of(money(r)) : Optional.empty(),
        matrix,
        tags,
        flags,
        weights);
  }

  private static Shop.Money money(Random r) {
    return new Shop.Money(r.nextBoolean() ? 0 : r.nextLong(), r.nextBoolean() ? "" : string(r));
  }

  private static Shop.Status status(Random r) {
    return Shop.Status.values()[r.nextInt(3)];
  }

  private static String string(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) {
      s.append((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : 0x400 + r.nextInt(100)));
    }
    return s.toString();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
