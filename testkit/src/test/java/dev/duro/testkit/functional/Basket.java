package dev.duro.testkit.functional;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Holds a list and a storage entry: exercises encoding of collections through the kit. */
@DurableObject("Basket")
public class Basket {
  @Persist List<String> items = new ArrayList<>();

  /** Not persisted: lost on eviction and restart. */
  int callsSinceActivation;

  private final ObjectContext ctx;

  public Basket(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Adds the items and records the last one in storage; returns the object's own list. */
  @Rpc
  public List<String> addAll(List<String> more) {
    callsSinceActivation++;
    items.addAll(more);
    if (!more.isEmpty()) {
      ctx.storage().put("last", more.get(more.size() - 1).getBytes(StandardCharsets.UTF_8));
    }
    return items;
  }

  @Rpc
  public List<String> items() {
    callsSinceActivation++;
    return items;
  }

  @Rpc
  public int callsSinceActivation() {
    return ++callsSinceActivation;
  }
}
