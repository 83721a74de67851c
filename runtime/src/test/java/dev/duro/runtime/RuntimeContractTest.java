package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ControllableStorageEngine;
import dev.duro.runtime.testing.ManualTimeSource;
import dev.duro.runtime.testing.TestCounter;
import dev.duro.runtime.testing.TestCounterNamespace;
import dev.duro.runtime.testing.TestCounterStub;
import dev.duro.runtime.testing.TestCounter_Binding;
import dev.duro.runtime.testing.TestHooks;
import dev.duro.runtime.testing.TestRegister;
import dev.duro.runtime.testing.TestRegister_Binding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime's semantics, run against each storage engine (subclasses provide one). Each test
 * method gets fresh, empty storage; {@link #openStorage()} reopens the same data.
 */
abstract class RuntimeContractTest {
  static final long TIMEOUT_SECONDS = 30;

  /** A new handle on this test's data: empty the first time, the same data afterwards. */
  abstract StorageEngine openStorage();

  private final List<ObjectRuntime> runtimes = new ArrayList<>();
  ControllableStorageEngine storage;
  ManualTimeSource clock = new ManualTimeSource();

  @AfterEach
  void closeRuntimes() {
    Collections.reverse(runtimes);
    for (ObjectRuntime r : runtimes) {
      r.close();
    }
  }

  ObjectRuntime.Builder builder() {
    storage = new ControllableStorageEngine(openStorage());
    return ObjectRuntime.builder()
        .storage(storage)
        .bindings(List.of(new TestCounter_Binding(), new TestRegister_Binding()));
  }

  ObjectRuntime track(ObjectRuntime r) {
    runtimes.add(r);
    return r;
  }

  /** Default pool and system clock: real concurrency. */
  ObjectRuntime pooled() {
    return track(builder().build());
  }

  /** Turns on the calling thread, manual clock, group commit (replies complete asynchronously). */
  ObjectRuntime manual() {
    return track(builder().timeSource(clock).turnExecutor(Runnable::run).build());
  }

  /** Closes {@code r} and opens a new runtime of the same kind on the same data. */
  ObjectRuntime reopen(ObjectRuntime r, boolean manual) {
    r.close();
    runtimes.remove(r);
    return manual ? manual() : pooled();
  }

  static TestCounterStub counter(ObjectRuntime r, String name) {
    return TestCounterNamespace.of(r.invoker()).get(name);
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  static <T extends Throwable> T failsWith(Class<T> type, CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    return assertInstanceOf(type, e.getCause());
  }

  static RemoteFailureException remoteFailure(Executable call) {
    return assertThrows(RemoteFailureException.class, call);
  }

  // ------------------------------------------------------------------------------------------
  // Durability and atomicity

  @Test
  void stateIsDurableAcrossCloseAndReopen() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    c.increment(5);
    c.setNote("hello");
    c.put("k", "v");
    long alarmAt = clock.now().plus(Duration.ofHours(1)).toEpochMilli();
    c.setAlarm(alarmAt);

    r = reopen(r, true);
    c = counter(r, "a");
    assertEquals(5, c.get());
    assertEquals("hello", c.note());
    assertEquals("v", c.read("k"));
    assertEquals(alarmAt, c.alarm());
  }

  @Test
  void throwingTurnLeavesFieldsStorageAndAlarmExactlyAsBefore() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    c.increment(3);
    c.put("k", "v");
    long alarmAt = clock.now().plus(Duration.ofMinutes(10)).toEpochMilli();
    c.setAlarm(alarmAt);
    int writesBefore = storage.batchesApplied();

    RemoteFailureException e = remoteFailure(() -> c.incrementThenFail(10));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals("boom after 13", e.remoteMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());

    // The next turn sees the old values, on the same instance.
    assertEquals(3, c.get());
    assertNull(c.note());
    assertNull(c.read("dirty"));
    assertEquals("v", c.read("k"));
    assertEquals(alarmAt, c.alarm());
    assertTrue(c.activationLog().startsWith("constructor count=0;onActivate count=0;"));
    assertEquals(writesBefore, storage.batchesApplied(), "a failed turn writes nothing");

    // The old alarm still fires at its time, and not the one set by the failed turn.
    clock.advanceTo(Instant.ofEpochMilli(alarmAt));
    assertEquals(1, c.alarmsFired());

    r = reopen(r, true);
    TestCounterStub reopened = counter(r, "a");
    assertEquals(3, reopened.get());
    assertNull(reopened.read("dirty"));
    assertEquals(-1, reopened.alarm());
  }

  @Test
  void replyIsReleasedOnlyAfterTheCommitIsDurable() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    ControllableStorageEngine.Gate gate = storage.blockNextApply();

    CompletableFuture<Void> put = c.async().put("k", "v1");
    gate.awaitEntered();
    // With a direct turn executor the next turn has already run when call() returns: it read the
    // pending write, but its reply waits for the earlier commit.
    CompletableFuture<String> read = c.async().read("k");
    CompletableFuture<Long> get = c.async().get();
    assertFalse(put.isDone(), "reply released before its commit was durable");
    assertFalse(read.isDone(), "a turn with no writes must wait for the object's pending commit");
    assertFalse(get.isDone());
    assertNull(storage.get(keyOf("a", "k")), "nothing is durable yet");

    gate.release();
    await(put);
    assertEquals("v1", await(read));
    assertEquals(0L, await(get));
    assertTrue(storage.get(keyOf("a", "k")) != null);
  }

  private static byte[] keyOf(String name, String userKey) {
    ObjectId id = NamespaceKey.of(TestCounter.NAMESPACE).idFromName(name);
    return dev.duro.runtime.internal.storage.KeyLayout.storage(
        dev.duro.runtime.internal.storage.KeyLayout.objectPrefix(TestCounter.NAMESPACE, id),
        userKey);
  }

  @Test
  void thousandIncrementsFromSixteenThreadsCountExactly() throws Exception {
    ObjectRuntime r = pooled();
    TestCounterStub c = counter(r, "hot");
    Set<Long> results = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int share = 1000 / 16 + (t < 1000 % 16 ? 1 : 0);
      done.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < share; i++) {
                  results.add(c.increment(1));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertEquals(1000, c.get());
    // Every increment saw a distinct predecessor: the turns were serial.
    Set<Long> expected = new HashSet<>();
    for (long i = 1; i <= 1000; i++) {
      expected.add(i);
    }
    assertEquals(expected, results);

    r = reopen(r, false);
    assertEquals(1000, counter(r, "hot").get());
  }

  @Test
  void manyObjectsInParallelKeepTheirInvariantsAndNeverOverlap() throws Exception {
    ObjectRuntime r = pooled();
    int objects = 40;
    int perObject = 25;
    List<CompletableFuture<Long>> calls = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(
          threads.submit(
              () -> {
                List<Integer> order = new ArrayList<>();
                for (int o = 0; o < objects; o++) {
                  for (int i = thread; i < perObject; i += 8) {
                    order.add(o);
                  }
                }
                Collections.shuffle(order, ThreadLocalRandom.current());
                for (int o : order) {
                  // Async: many turns of one object queue up at once.
                  calls.add(counter(r, "obj-" + o).async().increment(1));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    threads.shutdown();
    for (CompletableFuture<Long> f : calls) {
      await(f); // an overlapping turn would have failed with "turns overlap"
    }
    assertEquals(objects * perObject, calls.size());
    for (int o = 0; o < objects; o++) {
      assertEquals(perObject, counter(r, "obj-" + o).get(), "obj-" + o);
    }
  }

  @Test
  void groupCommitAppliesBatchesOfManyObjectsInFewTransactions() throws Exception {
    ObjectRuntime r = manual();
    ControllableStorageEngine.Gate gate = storage.blockNextApply();
    List<CompletableFuture<Long>> calls = new ArrayList<>();
    calls.add(counter(r, "first").async().increment(1));
    gate.awaitEntered();
    int before = storage.applyCalls();
    for (int i = 0; i < 20; i++) {
      // Direct executor: each turn has run and queued its batch when call() returns.
      calls.add(counter(r, "o" + i).async().increment(1));
    }
    assertEquals(before, storage.applyCalls(), "the writer is still held by the first commit");
    gate.release();
    for (CompletableFuture<Long> f : calls) {
      assertEquals(1L, await(f));
    }
    assertEquals(21, storage.batchesApplied());
    assertEquals(2, storage.applyCalls(), "20 queued batches must share one transaction");
  }

  @Test
  void commitFailureFailsTheTurnAndEveryDependentTurnThenReloads() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    assertEquals(1, c.increment(1));
    ControllableStorageEngine.Gate gate = storage.blockNextApply();
    CompletableFuture<Long> first = c.async().increment(10);
    gate.awaitEntered();
    CompletableFuture<Long> second = c.async().increment(100); // merged into the next batch
    CompletableFuture<Long> read = c.async().get(); // no writes, but saw 111
    storage.failNextApplies(1);
    gate.release();

    TransportException e1 = failsWith(TransportException.class, first);
    assertTrue(e1.getMessage().contains("Commit of TestCounter/"), e1.getMessage());
    failsWith(TransportException.class, second);
    failsWith(TransportException.class, read);

    // Reloaded from storage: only the acknowledged increment survives.
    assertEquals(1, c.get());
    assertEquals("constructor count=0;onActivate count=1;", c.activationLog());
    assertEquals(2, c.increment(1));
    r = reopen(r, true);
    assertEquals(2, counter(r, "a").get());
  }

  // ------------------------------------------------------------------------------------------
  // Activation and eviction

  @Test
  void activationRunsConstructorThenLoadThenOnActivate() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    assertEquals(0, r.activeObjectCount());
    c.increment(7);
    assertEquals(1, r.activeObjectCount());
    assertEquals(1, r.evictAll());
    assertEquals(0, r.activeObjectCount());
    assertEquals("constructor count=0;onActivate count=7;", c.activationLog());
  }

  @Test
  void failedActivationFailsTheTurnAndTheNextTurnActivatesAgain() throws Exception {
    ObjectRuntime r = manual();
    String name = "bad-" + UUID.randomUUID();
    TestCounterStub c = counter(r, name);
    c.increment(4);
    r.evictAll();
    TestHooks.failActivations(name, 1);

    RemoteFailureException e = remoteFailure(() -> c.increment(1));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals("activation failed on purpose", e.remoteMessage());
    assertEquals(0, r.activeObjectCount());

    assertEquals(5, c.increment(1));
    assertEquals("constructor count=0;onActivate count=4;", c.activationLog());
  }

  @Test
  void idleObjectsAreEvictedAfterTheTimeoutAndReloadFromStorage() throws Exception {
    ObjectRuntime r =
        track(
            builder()
                .timeSource(clock)
                .turnExecutor(Runnable::run)
                .committer(dev.duro.runtime.spi.Committer::synchronous)
                .idleTimeout(Duration.ofMinutes(10))
                .build());
    Instant t0 = clock.now();
    TestCounterStub c = counter(r, "a");
    clock.advance(Duration.ofSeconds(30));
    c.increment(2); // last activity at 0:30; the periodic sweep runs every minute
    clock.advanceTo(t0.plus(Duration.ofMinutes(10)).plusSeconds(29));
    assertEquals(0, r.evictIdle(), "idle for 9:59 only");
    assertEquals(1, r.activeObjectCount());
    clock.advanceTo(t0.plus(Duration.ofMinutes(10)).plusSeconds(45));
    assertEquals(1, r.evictIdle());
    assertEquals(0, r.activeObjectCount());

    assertEquals(2, c.get());
    assertEquals("constructor count=0;onActivate count=2;", c.activationLog());

    // The periodic sweep, driven by the time source, evicts too.
    clock.advance(Duration.ofMinutes(12));
    assertEquals(0, r.activeObjectCount());
    assertEquals(0, r.evictIdle());
  }

  @Test
  void objectsWithARunningTurnOrPendingCommitAreNeverEvicted() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    ControllableStorageEngine.Gate gate = storage.blockNextApply();
    CompletableFuture<Long> f = c.async().increment(1);
    gate.awaitEntered();
    assertEquals(0, r.evictAll(), "pending commit");
    gate.release();
    await(f);
    assertEquals(1, r.evictAll());

    ObjectRuntime pooled = reopen(r, false);
    TestCounterStub p = counter(pooled, "b");
    String latch = "evict-" + UUID.randomUUID();
    CompletableFuture<Void> running = p.async().await(latch);
    TestHooks.entered(latch).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(0, pooled.evictAll(), "running turn");
    assertEquals(1, pooled.activeObjectCount());
    TestHooks.latch(latch).countDown();
    await(running);
    assertEquals(1, pooled.evictAll());
  }

  @Test
  void callsBeyondTheQueueLimitAreRejectedAsOverloaded() throws Exception {
    ObjectRuntime r = track(builder().maxQueuedTurnsPerObject(2).build());
    TestCounterStub c = counter(r, "a");
    String latch = "overload-" + UUID.randomUUID();
    CompletableFuture<Void> running = c.async().await(latch);
    TestHooks.entered(latch).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    CompletableFuture<Long> queued = c.async().increment(1);
    OverloadedException e = failsWith(OverloadedException.class, c.async().increment(1));
    assertTrue(e.getMessage().contains("TestCounter/"), e.getMessage());
    TestHooks.latch(latch).countDown();
    await(running);
    assertEquals(1L, await(queued));
    assertEquals(1, c.get());
  }

  // ------------------------------------------------------------------------------------------
  // Alarms

  @Test
  void alarmFiresAtItsTimeAndNotBefore() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    Instant at = clock.now().plus(Duration.ofMinutes(1));
    c.setAlarm(at.toEpochMilli());
    assertEquals(at.toEpochMilli(), c.alarm());

    clock.advance(Duration.ofSeconds(59));
    assertEquals(0, c.alarmsFired());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, c.alarmsFired());
    assertEquals("0@" + at.toEpochMilli() + " get=empty;", c.alarmAttempts());
    assertEquals(-1, c.alarm(), "a fired alarm is deleted");

    clock.advance(Duration.ofHours(1));
    assertEquals(1, c.alarmsFired());
  }

  @Test
  void alarmFiresForAnEvictedObjectByActivatingIt() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    c.increment(3);
    c.setAlarm(clock.now().plusSeconds(10).toEpochMilli());
    r.evictAll();
    assertEquals(0, r.activeObjectCount());
    clock.advance(Duration.ofSeconds(10));
    assertEquals(1, c.alarmsFired());
    assertEquals("constructor count=0;onActivate count=3;", c.activationLog());
  }

  @Test
  void staleAlarmsDoNothing() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    Instant t0 = clock.now();
    c.setAlarm(t0.plusSeconds(60).toEpochMilli());
    c.setAlarm(t0.plusSeconds(120).toEpochMilli());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(0, c.alarmsFired());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(1, c.alarmsFired());

    assertEquals("0@" + t0.plusSeconds(120).toEpochMilli() + " get=empty;", c.alarmAttempts());

    c.setAlarm(t0.plusSeconds(180).toEpochMilli());
    c.deleteAlarm();
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, c.alarmsFired());
    assertEquals("0@" + t0.plusSeconds(120).toEpochMilli() + " get=empty;", c.alarmAttempts());
  }

  @Test
  void throwingAlarmIsRetriedWithExponentialBackoff() throws Exception {
    ObjectRuntime r =
        track(
            builder()
                .timeSource(clock)
                .turnExecutor(Runnable::run)
                .alarmRetry(AlarmRetryPolicy.defaults().withJitter(0))
                .build());
    TestCounterStub c = counter(r, "a");
    Instant t = clock.now().plusSeconds(10);
    c.failAlarms(2);
    c.setAlarm(t.toEpochMilli());

    clock.advanceTo(t);
    assertEquals(0, c.alarmsFired());
    assertEquals(0, c.get(), "the failed alarm turn was rolled back");
    assertEquals(t.toEpochMilli(), c.alarm(), "still set while waiting for the retry");
    clock.advance(Duration.ofSeconds(2));
    clock.advance(Duration.ofMillis(3999));
    assertEquals(0, c.alarmsFired());
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, c.alarmsFired());
    long ms = t.toEpochMilli();
    String get = " get=empty;";
    assertEquals(
        "0@" + ms + get + "1@" + (ms + 2000) + get + "2@" + (ms + 6000) + get, c.alarmAttempts());
    assertEquals(-1, c.alarm());
    assertEquals(0, c.get());
  }

  @Test
  void alarmIsDeletedDurablyAfterTheLastRetry() throws Exception {
    ObjectRuntime r =
        track(
            builder()
                .timeSource(clock)
                .turnExecutor(Runnable::run)
                .alarmRetry(new AlarmRetryPolicy(Duration.ofSeconds(1), 2, 0))
                .build());
    TestCounterStub c = counter(r, "a");
    c.failAlarms(100);
    Instant t = clock.now().plusSeconds(5);
    c.setAlarm(t.toEpochMilli());
    clock.advance(Duration.ofSeconds(30));
    long ms = t.toEpochMilli();
    String get = " get=empty;";
    assertEquals(
        "0@" + ms + get + "1@" + (ms + 1000) + get + "2@" + (ms + 3000) + get, c.alarmAttempts());
    assertEquals(-1, c.alarm());
    assertEquals(0, c.alarmsFired());
    clock.advance(Duration.ofHours(1));
    assertEquals(0, c.alarmsFired());
    assertEquals(-1, c.alarm());

    r = reopen(r, true);
    assertEquals(-1, counter(r, "a").alarm());
  }

  @Test
  void alarmSetDuringTheAlarmTurnReplacesIt() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    Instant t = clock.now().plusSeconds(10);
    c.rearmOnAlarm(5000);
    c.setAlarm(t.toEpochMilli());
    clock.advanceTo(t);
    assertEquals(1, c.alarmsFired());
    assertEquals(t.toEpochMilli() + 5000, c.alarm());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(2, c.alarmsFired());
    assertEquals(t.toEpochMilli() + 10000, c.alarm());
  }

  @Test
  void alarmPersistedBeforeARestartFiresAfterIt() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "named");
    Instant t = clock.now().plus(Duration.ofHours(1));
    c.setAlarm(t.toEpochMilli());
    r.close();
    runtimes.remove(r);

    clock = new ManualTimeSource(t.plus(Duration.ofHours(1)));
    r = manual();
    clock.advance(Duration.ZERO);
    TestCounterStub after = counter(r, "named");
    assertEquals(1, after.alarmsFired());
    assertEquals(-1, after.alarm());
    assertEquals("named", after.myName(), "the index remembers the object's name");
  }

  @Test
  void settingAnAlarmOnAClassWithoutAlarmMethodThrows() {
    ObjectRuntime r = manual();
    ObjectId id = NamespaceKey.of(TestRegister.NAMESPACE).idFromName("x");
    CompletableFuture<byte[]> f =
        r.call(TestRegister.NAMESPACE, id, "setAlarmIn", new byte[] {8, 100});
    RemoteFailureException e = failsWith(RemoteFailureException.class, f);
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertTrue(e.remoteMessage().contains("has no @Alarm method"), e.remoteMessage());
  }

  // ------------------------------------------------------------------------------------------
  // Context and storage

  @Test
  void contextOutsideATurnThrowsButIdAndNamespaceWork() throws Exception {
    ObjectRuntime r = manual();
    String name = "leak-" + UUID.randomUUID();
    TestCounterStub c = counter(r, name);
    c.leakContext();
    ObjectContext ctx = TestHooks.leakedContext(name);
    assertEquals(name, ctx.id().name().orElseThrow());
    assertEquals(TestCounter.NAMESPACE, ctx.namespace());
    String where = "used outside a turn of TestCounter/" + c.id();
    for (Executable e : List.<Executable>of(ctx::storage, ctx::alarm, ctx::now)) {
      IllegalStateException ex = assertThrows(IllegalStateException.class, e);
      assertTrue(ex.getMessage().contains(where), ex.getMessage());
    }
  }

  @Test
  void contextIsRejectedOnAnotherThreadWhileATurnRuns() throws Exception {
    ObjectRuntime r = pooled();
    String name = "leak2-" + UUID.randomUUID();
    TestCounterStub c = counter(r, name);
    c.leakContext();
    ObjectContext ctx = TestHooks.leakedContext(name);
    String latch = "ctx-" + UUID.randomUUID();
    CompletableFuture<Void> running = c.async().await(latch);
    TestHooks.entered(latch).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThrows(IllegalStateException.class, ctx::storage);
    TestHooks.latch(latch).countDown();
    await(running);
  }

  @Test
  void storageReadsOwnWritesAndEnforcesLimits() throws Exception {
    ObjectRuntime r = manual();
    TestCounterStub c = counter(r, "a");
    assertEquals("v|null", c.putReadDelete("k", "v"));
    assertNull(c.read("k"));
    c.put("k", "w");
    assertTrue(c.remove("k"));
    assertFalse(c.remove("k"));
    c.put("ключ", "значение");
    assertEquals("значение", c.read("ключ"));

    c.putSized(2048, 128 * 1024);
    RemoteFailureException key = remoteFailure(() -> c.putSized(2049, 1));
    assertEquals(IllegalArgumentException.class.getName(), key.remoteType());
    assertTrue(
        key.remoteMessage().contains("limit of 2048 bytes (maxStorageKeyBytes)"),
        key.remoteMessage());
    RemoteFailureException value = remoteFailure(() -> c.putSized(1, 128 * 1024 + 1));
    assertTrue(
        value.remoteMessage().contains("limit of 131072 bytes (maxStorageValueBytes)"),
        value.remoteMessage());
    RemoteFailureException empty = remoteFailure(() -> c.putSized(0, 1));
    assertTrue(empty.remoteMessage().contains("must not be empty"), empty.remoteMessage());
  }

  @Test
  void objectKnowsTheNameItWasCalledBy() throws Exception {
    ObjectRuntime r = manual();
    TestCounterNamespace ns = TestCounterNamespace.of(r.invoker());
    ObjectId unnamed = ObjectId.fromBytes(ns.idFromName("alice").toBytes());
    assertEquals("", ns.get(unnamed).myName());
    assertEquals("alice", ns.get("alice").myName());
    assertEquals("alice", ns.get(unnamed).myName(), "the object keeps its name once known");
  }

  @Test
  void byteArrayFieldsRoundTrip() throws Exception {
    ObjectRuntime r = manual();
    ObjectId id = NamespaceKey.of(TestRegister.NAMESPACE).idFromName("x");
    byte[] value = "bytes".getBytes(StandardCharsets.UTF_8);
    await(r.call(TestRegister.NAMESPACE, id, "set", TestRegister_Binding.bytesMessage(value)));
    r = reopen(r, true);
    byte[] reply = await(r.call(TestRegister.NAMESPACE, id, "get", new byte[0]));
    assertEquals("bytes", new String(TestRegister_Binding.bytes(reply), StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------
  // Errors and lifecycle

  @Test
  void rejectsBadCallsWithoutRunningAnything() throws Exception {
    ObjectRuntime r = manual();
    ObjectId id = NamespaceKey.of(TestCounter.NAMESPACE).idFromName("a");
    ObjectId foreign = NamespaceKey.of("Other").idFromName("a");

    UnknownMethodException ns =
        failsWith(UnknownMethodException.class, r.call("Nope", id, "get", new byte[0]));
    assertTrue(ns.getMessage().contains("No namespace 'Nope'"), ns.getMessage());
    UnknownMethodException m =
        failsWith(
            UnknownMethodException.class, r.call(TestCounter.NAMESPACE, id, "nope", new byte[0]));
    assertTrue(m.getMessage().contains("'nope'"), m.getMessage());
    InvalidRequestException badId =
        failsWith(
            InvalidRequestException.class,
            r.call(TestCounter.NAMESPACE, foreign, "get", new byte[0]));
    assertTrue(badId.getMessage().contains("is not valid for namespace"), badId.getMessage());
    InvalidRequestException badBytes =
        failsWith(
            InvalidRequestException.class,
            r.call(TestCounter.NAMESPACE, id, "increment", new byte[] {8}));
    assertInstanceOf(dev.duro.codec.CodecException.class, badBytes.getCause());

    assertEquals(0, r.activeObjectCount(), "nothing was activated");
    assertEquals(0, storage.applyCalls(), "nothing was committed");
  }

  @Test
  void closeFinishesQueuedTurnsThenRejectsCalls() throws Exception {
    ObjectRuntime r = pooled();
    TestCounterStub c = counter(r, "a");
    List<CompletableFuture<Long>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(c.async().increment(1));
    }
    r.close();
    for (CompletableFuture<Long> f : calls) {
      assertTrue(f.isDone(), "close() returns after every accepted turn is released");
      await(f);
    }
    DuroException e = assertThrows(DuroException.class, c::get);
    assertInstanceOf(TransportException.class, e);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    r.close(); // idempotent

    r = reopen(r, false);
    assertEquals(200, counter(r, "a").get());
  }

  @Test
  void builderNamesTheMissingSetter() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ObjectRuntime.builder().build());
    assertTrue(e.getMessage().contains("dataDirectory(Path) or storage(StorageEngine)"));
    IllegalArgumentException dup =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ObjectRuntime.builder()
                    .storage(StorageEngine.inMemory())
                    .bindings(List.of(new TestCounter_Binding(), new TestCounter_Binding()))
                    .build());
    assertTrue(dup.getMessage().contains("Two bindings for namespace TestCounter"));
  }
}
