package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.UnknownMethodException;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ControllableStorageEngine;
import dev.duro.runtime.testing.ManualTimeSource;
import dev.duro.runtime.testing.TestCounter;
import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime methods behind the test kit: runInObject, listing and reading stored objects. */
class InspectionApiTest {
  private final StorageEngine data = StorageEngine.inMemory();
  private final ManualTimeSource time = new ManualTimeSource();
  private ObjectRuntime runtime = start();
  private final String ns = TestCounterNamespace.NAME;

  private ObjectRuntime start() {
    return ObjectRuntime.builder()
        .storage(ControllableStorageEngine.nonClosing(data))
        .committer(Committer::synchronous)
        .timeSource(time)
        .turnExecutor(Runnable::run)
        .bindings(List.of(new TestCounter_Binding()))
        .build();
  }

  private TestCounterNamespace counters() {
    return TestCounterNamespace.of(runtime.invoker());
  }

  @AfterEach
  void close() {
    runtime.close();
    data.close();
  }

  @Test
  void runInObjectRunsAsACommittedTurnAndRollsBackWhenItThrows() {
    TestCounterStub c = counters().get("a");
    c.increment(2);
    ObjectId id = c.id();
    String name =
        runtime
            .runInObject(
                ns,
                id,
                (o, ctx) -> {
                  ((TestCounter) o).increment(40);
                  return ctx.id().name().orElseThrow();
                })
            .join();
    assertEquals("a", name);
    runtime.evictAll();
    assertEquals(42, c.get(), "the turn's writes were committed");

    IllegalStateException boom = new IllegalStateException("boom");
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                runtime
                    .runInObject(
                        ns,
                        id,
                        (o, ctx) -> {
                          ((TestCounter) o).increment(1);
                          throw boom;
                        })
                    .join());
    assertInstanceOf(RemoteFailureException.class, e.getCause());
    assertSame(boom, e.getCause().getCause());
    assertEquals(42, c.get(), "rolled back");

    assertInstanceOf(
        UnknownMethodException.class,
        runtime.runInObject("Nope", id, (o, ctx) -> 1).handle((r, t) -> t).join());
    ObjectId foreign = dev.duro.binding.NamespaceKey.of("Other").idFromName("a");
    assertInstanceOf(
        InvalidRequestException.class,
        runtime.runInObject(ns, foreign, (o, ctx) -> 1).handle((r, t) -> t).join());
  }

  @Test
  void storedStateIsReadFromStorageWithoutActivating() {
    TestCounterStub c = counters().get("a");
    c.increment(3);
    c.put("k", "v");
    c.setAlarm(time.now().plusSeconds(5).toEpochMilli());
    runtime.evictAll();

    assertEquals(List.of("count"), runtime.storedFields(ns, c.id()).keySet().stream().toList());
    assertEquals(
        "v", new String(runtime.storedEntries(ns, c.id()).get("k"), StandardCharsets.UTF_8));
    assertEquals(Optional.of(time.now().plusSeconds(5)), runtime.storedAlarm(ns, c.id()));
    assertEquals(0, runtime.activeObjectCount(), "reads activate nothing");
    ObjectId untouched = counters().idFromName("b");
    assertTrue(runtime.storedFields(ns, untouched).isEmpty());
    assertEquals(Optional.empty(), runtime.storedAlarm(ns, untouched));
  }

  @Test
  void listObjectsNamesObjectsFromTheAlarmIndexAndMemory() {
    counters().get("with-alarm").setAlarm(time.now().plusSeconds(60).toEpochMilli());
    counters().get("in-memory").increment(1);
    ObjectId unique = counters().newUniqueId();
    counters().get(unique).increment(1);
    counters().get("read-only").get();

    assertEquals(
        List.of("?", "in-memory", "with-alarm"),
        names(runtime.listObjects(ns)).stream().sorted().toList());

    runtime.close();
    runtime = start();
    assertEquals(
        List.of("?", "?", "with-alarm"),
        names(runtime.listObjects(ns)).stream().sorted().toList(),
        "after a restart only the alarm index knows names");
    assertTrue(runtime.listObjects(ns).contains(unique));
    assertEquals(List.of(), runtime.listObjects("Other"));
  }

  private static List<String> names(List<ObjectId> ids) {
    return ids.stream().map(id -> id.name().orElse("?")).collect(Collectors.toList());
  }

  @Test
  void evictOneAndSimulatedOverload() {
    TestCounterStub a = counters().get("a");
    TestCounterStub b = counters().get("b");
    a.increment(1);
    b.increment(1);
    assertTrue(runtime.evict(ns, a.id()));
    assertFalse(runtime.evict(ns, a.id()));
    assertEquals(1, runtime.activeObjectCount());
    assertEquals(1, a.get());

    runtime.simulateOverload(ns, a.id(), true);
    assertThrows(OverloadedException.class, a::get);
    assertEquals(1, b.get());
    assertEquals(
        1L, (long) runtime.runInObject(ns, a.id(), (o, ctx) -> ((TestCounter) o).get()).join());
    runtime.simulateOverload(ns, a.id(), false);
    assertEquals(1, a.get());
  }
}
