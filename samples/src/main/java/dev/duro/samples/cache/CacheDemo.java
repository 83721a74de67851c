package dev.duro.samples.cache;

import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/** The cache demo: keys cached in two stores, invalidated by key and by tag. */
public final class CacheDemo {
  private CacheDemo() {}

  /**
   * Runs the demo through {@code invoker}, printing to {@code out}.
   *
   * @throws IllegalStateException if a purge does not reach every store
   */
  public static void run(Invoker invoker, PrintStream out) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    CacheCoordinatorStub coordinator = CacheCoordinatorNamespace.of(invoker).get("catalog-" + run);
    CacheStoreStub edge = CacheStoreNamespace.of(invoker).get("edge-" + run);
    CacheStoreStub kv = CacheStoreNamespace.of(invoker).get("kv-" + run);
    for (String key : List.of("product:1", "product:2")) {
      for (CacheStoreStub store : List.of(edge, kv)) {
        store.put(key, "<html>" + key + "</html>");
        coordinator.register(key, store.id().name().orElseThrow(), List.of("product"));
      }
    }
    edge.put("home", "<html>home</html>");
    coordinator.register("home", "edge-" + run, List.of("page"));
    out.println("cached product:1 and product:2 in two stores, home in one");
    Invalidation one = coordinator.invalidate("home");
    out.println("  invalidate home: purged from " + one.purged());
    TagInvalidation tag = coordinator.invalidateTag("product");
    out.printf("  invalidate tag product: %d keys%n", tag.keys().size());
    for (Invalidation i : tag.keys()) {
      out.printf("    %s purged from %s%n", i.key(), i.purged());
    }
    check(
        edge.get("product:1").isEmpty()
            && kv.get("product:2").isEmpty()
            && edge.get("home").isEmpty(),
        "a store still serves an invalidated key");
    out.println("  every store purged");
  }
}
