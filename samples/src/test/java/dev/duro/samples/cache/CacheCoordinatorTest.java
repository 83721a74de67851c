package dev.duro.samples.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class CacheCoordinatorTest {
  DuroTestKit kit;
  private CacheCoordinatorStub coordinator;
  private CacheStoreStub edge;
  private CacheStoreStub kv;

  @BeforeEach
  void setUp() {
    coordinator = kit.namespace(CacheCoordinatorNamespace::of).get("products");
    CacheStoreNamespace stores = kit.namespace(CacheStoreNamespace::of);
    edge = stores.get("edge");
    kv = stores.get("kv");
    cache(edge, "product:1", List.of("product", "shoes"));
    cache(kv, "product:1", List.of("product"));
    cache(edge, "product:2", List.of("product", "hats"));
    cache(kv, "home", List.of("page"));
  }

  @Test
  void registeringMergesStoresAndTags() {
    CacheEntry e = coordinator.entry("product:1").orElseThrow();
    assertEquals(List.of("edge", "kv"), e.stores());
    assertEquals(List.of("product", "shoes"), e.tags());
    assertEquals(Optional.empty(), e.invalidatedAt());
    assertEquals(List.of("product:1", "product:2"), coordinator.keysOf("product"));
  }

  @Test
  void invalidatingAKeyPurgesItFromEveryStore() {
    assertEquals(
        new Invalidation("product:1", List.of("edge", "kv"), List.of()),
        coordinator.invalidate("product:1"));
    assertEquals(Optional.empty(), edge.get("product:1"));
    assertEquals(Optional.empty(), kv.get("product:1"));
    assertEquals(Optional.of("v-product:2"), edge.get("product:2"), "other keys stay");
    CacheEntry e = coordinator.entry("product:1").orElseThrow();
    assertEquals(List.of(), e.stores());
    assertEquals(Optional.of(kit.now()), e.invalidatedAt());
    assertEquals(new Invalidation("nope", List.of(), List.of()), coordinator.invalidate("nope"));
  }

  @Test
  void invalidatingATagPurgesEveryKeyOfItAndForgetsTheTag() {
    kit.evictAll(); // the registrations are durable
    TagInvalidation t = coordinator.invalidateTag("product");
    assertEquals(
        new TagInvalidation(
            "product",
            List.of(
                new Invalidation("product:1", List.of("edge", "kv"), List.of()),
                new Invalidation("product:2", List.of("edge"), List.of()))),
        t);
    assertEquals(Optional.empty(), edge.get("product:1"));
    assertEquals(Optional.empty(), kv.get("product:1"));
    assertEquals(Optional.empty(), edge.get("product:2"));
    assertEquals(Optional.of("v-home"), kv.get("home"), "another tag's key stays");
    assertEquals(List.of(), coordinator.keysOf("product"));
    assertEquals(List.of("product:2"), coordinator.keysOf("hats"));

    // Cached again after the invalidation: registered again, purged again.
    cache(edge, "product:2", List.of("hats"));
    assertEquals(
        List.of(new Invalidation("product:2", List.of("edge"), List.of())),
        coordinator.invalidateTag("hats").keys());
    assertEquals(Optional.empty(), edge.get("product:2"));
  }

  @Test
  void aStoreThatCannotBeReachedIsPurgedLaterByTheAlarm() {
    kit.overload(kv);
    assertEquals(
        new Invalidation("product:1", List.of("edge"), List.of("kv")),
        coordinator.invalidate("product:1"));
    assertEquals(List.of("kv"), coordinator.entry("product:1").orElseThrow().stores());
    assertEquals(
        Optional.of(kit.now().plus(CacheCoordinator.RETRY_INTERVAL)),
        kit.pendingAlarm(coordinator));

    kit.advance(CacheCoordinator.RETRY_INTERVAL); // still down: the alarm sets itself again
    assertEquals(List.of("kv"), coordinator.entry("product:1").orElseThrow().stores());
    kit.clearOverload(kv);
    assertEquals(Optional.of("v-product:1"), kv.get("product:1"), "stale until the retry");

    kit.advance(CacheCoordinator.RETRY_INTERVAL);
    assertEquals(Optional.empty(), kv.get("product:1"));
    assertEquals(List.of(), coordinator.entry("product:1").orElseThrow().stores());
    assertEquals(Optional.empty(), kit.pendingAlarm(coordinator));
  }

  private void cache(CacheStoreStub store, String key, List<String> tags) {
    store.put(key, "v-" + key);
    coordinator.register(key, store.id().name().orElseThrow(), tags);
  }
}
