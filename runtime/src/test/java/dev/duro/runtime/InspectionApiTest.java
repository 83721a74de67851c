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
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import dev.duro.runtime.testing.ControllableStorageEngine;
import dev.duro.runtime.testing.ManualTimeSource;
import dev.duro.runtime.testing.TestCounter;
import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime methods behind the test kit: runInObject, listing and reading stored objects. */
class InspectionApiTest {
  private final StorageEngine data = StorageEngine.inMemory();
  private final ManualTimeSource time = new ManualTimeSource();
  private ObjectRuntime runtime = start();
  private final String ns = TestCounterNamespace.NAME;

  private ObjectRuntime start() {
    return start(ControllableStorageEngine.nonClosing(data));
  }

  private ObjectRuntime start(StorageEngine storage) {
    return ObjectRuntime.builder()
        .storage(storage)
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
  void listObjectsKeepsNamesAcrossRestarts() {
    counters().get("with-alarm").setAlarm(time.now().plusSeconds(60).toEpochMilli());
    counters().get("no-alarm").increment(1);
    ObjectId unique = counters().newUniqueId();
    counters().get(unique).increment(1);
    counters().get("read-only").get();

    assertEquals(
        List.of("?", "no-alarm", "with-alarm"),
        names(runtime.listObjects(ns)).stream().sorted().toList());

    runtime.close();
    runtime = start();
    assertEquals(
        List.of("?", "no-alarm", "with-alarm"),
        names(runtime.listObjects(ns)).stream().sorted().toList(),
        "names are stored with the first commit");
    assertEquals(0, runtime.activeObjectCount(), "listing activates nothing");
    assertTrue(runtime.listObjects(ns).contains(unique));
    assertEquals(List.of(), runtime.listObjects("Other"));
  }

  @Test
  void theNameIsWrittenOnceInTheFirstCommitAndNotForObjectsThatNeverCommit() {
    runtime.close();
    Recording recording = new Recording(data);
    runtime = start(recording);
    TestCounterStub c = counters().get("named");
    c.get();
    assertEquals(0, recording.batches.size(), "a turn without writes commits nothing");
    c.increment(1);
    assertEquals(1, recording.batches.size());
    assertEquals(List.of("field", "name"), recording.batches.get(0), "one small write, same batch");
    c.increment(1);
    c.put("k", "v");
    runtime.evictAll();
    c.increment(1);
    runtime.close();
    runtime = start(recording);
    counters().get("named").increment(1);
    assertEquals(5, recording.batches.size());
    for (List<String> b : recording.batches.subList(1, 5)) {
      assertFalse(b.contains("name"), "written once per object: " + recording.batches);
    }
    counters().get(counters().newUniqueId()).increment(1);
    assertFalse(recording.batches.get(5).contains("name"), "a unique id has no name");
    assertEquals(List.of("field"), recording.batches.get(5), "its commit is the field only");
  }

  @Test
  void anObjectAddressedByHexFirstGetsItsNameStoredWhenLaterAddressedByName() {
    ObjectId named = counters().idFromName("late");
    ObjectId plain = ObjectId.parseHex(named.toString());
    counters().get(plain).increment(1);
    runtime.close();
    runtime = start();
    assertEquals(List.of("?"), names(runtime.listObjects(ns)));
    counters().get("late").increment(1);
    runtime.close();
    runtime = start();
    assertEquals(List.of("late"), names(runtime.listObjects(ns)));
  }

  @Test
  void aNameWhoseCommitFailedIsWrittenWithTheNextCommit() {
    runtime.close();
    ControllableStorageEngine faulty = ControllableStorageEngine.nonClosing(data);
    runtime = start(faulty);
    faulty.failNextApplies(1);
    assertThrows(TransportException.class, () -> counters().get("retry").increment(1));
    assertEquals(List.of(), runtime.listObjects(ns));
    counters().get("retry").increment(1);
    runtime.close();
    runtime = start();
    assertEquals(List.of("retry"), names(runtime.listObjects(ns)));
  }

  @Test
  void anObjectWhoseStateWasDeletedIsNotListedThoughItsNameStaysStored() {
    TestCounterStub c = counters().get("gone");
    c.put("k", "v");
    assertEquals(List.of("gone"), names(runtime.listObjects(ns)));
    assertTrue(c.remove("k"));
    assertEquals(List.of(), runtime.listObjects(ns), "a stored name alone is not state");
    c.increment(1);
    assertEquals(List.of("gone"), names(runtime.listObjects(ns)));
  }

  @Test
  void dataWrittenBeforeNamesWereStoredIsNamedFromTheAlarmIndex() {
    // As an older runtime wrote it: a field, the alarm and its index entry, no name key.
    ObjectId id = counters().idFromName("legacy");
    byte[] prefix = KeyLayout.objectPrefix(ns, id);
    long at = time.now().plusSeconds(60).toEpochMilli();
    data.applyAll(
        List.of(
            WriteBatch.builder()
                .put(KeyLayout.field(prefix, "count"), new byte[] {8, 1})
                .put(KeyLayout.alarm(prefix), KeyLayout.alarmValue(at))
                .put(KeyLayout.alarmIndex(at, prefix), KeyLayout.alarmIndexValue(id))
                .build()));
    assertEquals(List.of("legacy"), names(runtime.listObjects(ns)));
  }

  /** Records the kind of every key each committed batch writes (for one test namespace). */
  private static final class Recording implements StorageEngine {
    final StorageEngine delegate;
    final List<List<String>> batches = new ArrayList<>();

    Recording(StorageEngine delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte @Nullable [] get(byte[] key) {
      return delegate.get(key);
    }

    @Override
    public void scan(byte[] from, byte @Nullable [] to, ScanVisitor visitor) {
      delegate.scan(from, to, visitor);
    }

    @Override
    public synchronized void applyAll(List<WriteBatch> list) {
      delegate.applyAll(list);
      for (WriteBatch b : list) {
        List<String> kinds = new ArrayList<>();
        b.forEach((k, v) -> kinds.add(kind(k)));
        batches.add(kinds);
      }
    }

    private static String kind(byte[] key) {
      if (key[0] == KeyLayout.ALARM_INDEX) {
        return "index";
      }
      // 0x01 | nsLen | ns | id:32 | kind ...
      int at = 2 + key[1] + ObjectId.LENGTH;
      return switch (key[at]) {
        case 1 -> "field";
        case 2 -> "storage";
        case 3 -> "alarm";
        case 4 -> "name";
        default -> "?";
      };
    }

    @Override
    public void close() {}
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
