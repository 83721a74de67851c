package dev.duro.grpc.schema;

import dev.duro.DurableObject;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An object compiled by the processor, with a dotted namespace, for the reflection test. */
@DurableObject("store.Inventory")
public class Inventory {
  /** A stock level. */
  public record Stock(String sku, int count, Instant updated) {}

  @Persist Map<String, Stock> stock = new LinkedHashMap<>();

  @Rpc
  public Stock put(Stock s) {
    stock.put(s.sku(), s);
    return s;
  }

  @Rpc
  public List<Stock> all() {
    return List.copyOf(stock.values());
  }
}
