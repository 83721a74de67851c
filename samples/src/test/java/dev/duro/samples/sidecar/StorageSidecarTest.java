package dev.duro.samples.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class StorageSidecarTest {
  DuroTestKit kit;
  private StorageSidecarStub sidecar;

  @BeforeEach
  void setUp() {
    sidecar = kit.namespace(StorageSidecarNamespace::of).get("entity-42");
  }

  @Test
  void putGetDeleteAndAll() {
    sidecar.put("status", "{\"phase\":\"started\"}");
    sidecar.put("result", "42");
    sidecar.append("rawData", "x");
    assertEquals(Optional.of("{\"phase\":\"started\"}"), sidecar.get("status"));
    assertEquals(Map.of("status", "{\"phase\":\"started\"}", "result", "42"), sidecar.all());
    assertTrue(sidecar.delete("result"));
    assertFalse(sidecar.delete("result"));
    assertTrue(sidecar.delete("rawData"));
    assertEquals(List.of(), sidecar.list("rawData"));
    assertEquals(1, sidecar.append("rawData", "y"), "a deleted list starts again");
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> sidecar.put("a/b", "v"));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
  }

  @Test
  void appendsKeepTheirOrderAndEachIsItsOwnEntry() {
    for (int i = 1; i <= 12; i++) {
      assertEquals(i, sidecar.append("rawData", "item-" + i));
    }
    sidecar.append("other", "o");
    kit.evictAll();
    List<String> items = sidecar.list("rawData");
    assertEquals(12, items.size());
    assertEquals("item-1", items.get(0));
    assertEquals("item-12", items.get(11), "numeric order, not text order");
    assertEquals(List.of("o"), sidecar.list("other"));
    // One storage entry per item (plus the length), not one growing value.
    assertEquals(
        12,
        kit.storage(sidecar).entries().keySet().stream()
            .filter(k -> k.startsWith("l:rawData/"))
            .count());
  }

  @Test
  void appendOnceIsIdempotentByStep() {
    assertEquals(2, sidecar.appendOnce("fetch-a", "rawData", List.of("a1", "a2")));
    assertEquals(2, sidecar.appendOnce("fetch-a", "rawData", List.of("a1", "a2")));
    assertEquals(3, sidecar.appendOnce("fetch-b", "rawData", List.of("b1")));
    assertEquals(List.of("a1", "a2", "b1"), sidecar.list("rawData"));
  }

  @Test
  void twoWorkflowsOfOneEntityShareItsSidecar() {
    StorageSidecarStub other = kit.namespace(StorageSidecarNamespace::of).get("entity-42");
    sidecar.append("rawData", "from workflow 1");
    other.append("rawData", "from workflow 2");
    assertEquals(List.of("from workflow 1", "from workflow 2"), sidecar.list("rawData"));
    assertEquals(
        List.of(), kit.namespace(StorageSidecarNamespace::of).get("entity-7").list("rawData"));
  }

  @Test
  void theWorkflowReRunAfterACrashFetchesNoSourceTwiceAndCleansUp() {
    List<ProcessingWorkflow.Source> sources =
        List.of(
            new ProcessingWorkflow.Source("s1", List.of("r1", "r2")),
            new ProcessingWorkflow.Source("s2", List.of("r3")));
    // A first driver got as far as the first source, then died.
    sidecar.put("status", "started");
    sidecar.appendOnce("fetch-s1", "rawData", List.of("s1:r1", "s1:r2"));
    String result = new ProcessingWorkflow(sidecar).run(sources);
    assertEquals("3 records: s1:r1, s1:r2, s2:r3", result);
    assertEquals(Map.of(), kit.storage(sidecar).entries(), "cleared after publishing");
  }

  @Test
  void theAlarmClearsASidecarWhoseWorkflowDied() {
    sidecar.put("status", "started");
    sidecar.append("rawData", "x");
    sidecar.expireAfter(Duration.ofHours(1).toMillis());
    kit.advance(Duration.ofMinutes(59));
    assertEquals(Optional.of("started"), sidecar.get("status"));
    kit.advance(Duration.ofMinutes(1));
    assertEquals(Map.of(), kit.storage(sidecar).entries());
    assertEquals(Optional.empty(), kit.pendingAlarm(sidecar));

    sidecar.put("status", "again");
    sidecar.expireAfter(1000);
    sidecar.clear();
    assertEquals(Optional.empty(), kit.pendingAlarm(sidecar), "clear drops the expiry too");
  }
}
