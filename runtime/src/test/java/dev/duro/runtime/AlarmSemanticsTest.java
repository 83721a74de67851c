package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.AlarmInfo;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.testing.ManualTimeSource;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarm semantics (issue #5), each on the manual clock. */
class AlarmSemanticsTest {
  @TempDir Path dir;

  private final AlarmProbe probe = new AlarmProbe();
  private final ManualTimeSource clock = new ManualTimeSource();
  private final List<ObjectRuntime> runtimes = new ArrayList<>();
  private ObjectRuntime rt;

  @AfterEach
  void close() {
    Collections.reverse(runtimes);
    runtimes.forEach(ObjectRuntime::close);
  }

  /** Turns and commits on the calling thread: every call and firing ends before it returns. */
  private ObjectRuntime start(UnaryOperator<ObjectRuntime.Builder> config) {
    return start(
        config.apply(
            ObjectRuntime.builder().turnExecutor(Runnable::run).committer(Committer::synchronous)));
  }

  private ObjectRuntime start(ObjectRuntime.Builder builder) {
    ObjectRuntime r =
        builder
            .dataDirectory(dir.resolve("data"))
            .bindings(List.of(probe))
            .timeSource(clock)
            .build();
    runtimes.add(r);
    rt = r;
    return r;
  }

  private ObjectRuntime start() {
    return start(b -> b);
  }

  private void restart(UnaryOperator<ObjectRuntime.Builder> config) {
    rt.close();
    runtimes.remove(rt);
    start(config);
  }

  private static <T> T join(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private byte[] call(String name, String method, byte[] request) throws Exception {
    return join(rt.call(AlarmProbe.NAMESPACE, AlarmProbe.id(name), method, request));
  }

  private void set(String name, Instant at) throws Exception {
    call(name, "set", AlarmProbe.millis(at.toEpochMilli()));
  }

  /** The alarm as the object's turn sees it. */
  private Optional<Instant> get(String name) throws Exception {
    byte[] r = call(name, "get", new byte[0]);
    return r.length == 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(r).getLong()));
  }

  private List<AlarmProbe.Fired> fired() {
    return new ArrayList<>(probe.fired);
  }

  private List<AlarmProbe.Fired> fired(String name) {
    return fired().stream().filter(f -> f.name().equals(name)).toList();
  }

  @Test
  void oneAlarmPerObjectAndSetReplacesIt() throws Exception {
    start();
    Instant t0 = clock.now();
    set("a", t0.plusSeconds(60));
    set("a", t0.plusSeconds(120));
    set("b", t0.plusSeconds(120));
    set("b", t0.plusSeconds(30));
    clock.advance(Duration.ofSeconds(119));
    assertEquals(List.of("b"), fired().stream().map(AlarmProbe.Fired::name).toList());
    assertEquals(t0.plusSeconds(30), fired("b").get(0).info().scheduledTime());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, fired("a").size());
    assertEquals(t0.plusSeconds(120), fired("a").get(0).info().scheduledTime());
    clock.advance(Duration.ofHours(1));
    assertEquals(2, fired().size(), "each replaced alarm fired never, each last one once");
  }

  @Test
  void aTimeInThePastFiresAsSoonAsPossibleAndNothingFiresEarly() throws Exception {
    start();
    Instant past = clock.now().minus(Duration.ofHours(1));
    set("late", past);
    Instant soon = clock.now().plusMillis(1500);
    set("soon", soon);
    clock.advance(Duration.ZERO);
    assertEquals(1, fired("late").size());
    assertEquals(past, fired("late").get(0).info().scheduledTime());
    assertEquals(clock.now(), fired("late").get(0).ranAt());
    clock.advance(Duration.ofMillis(1499));
    assertTrue(fired("soon").isEmpty(), "fired before its time");
    clock.advance(Duration.ofMillis(1));
    assertEquals(soon, fired("soon").get(0).ranAt());
  }

  @Test
  void alarmFiresForAnObjectThatIsNotActive() throws Exception {
    start();
    set("sleeper", clock.now().plusSeconds(5));
    assertTrue(rt.evictAll() >= 1);
    assertEquals(0, rt.activeObjectCount());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, fired("sleeper").size());
  }

  @Test
  void getIsEmptyInsideTheAlarmUnlessResetAndASetThereSchedulesTheNextOne() throws Exception {
    start();
    List<Optional<Instant>> afterSet = new CopyOnWriteArrayList<>();
    probe.body =
        (ctx, info) -> {
          if (info.scheduledTime().equals(ManualTimeSource.START.plusSeconds(10))) {
            ctx.alarm().setIn(Duration.ofSeconds(10));
            afterSet.add(ctx.alarm().get());
          }
        };
    Instant t = clock.now().plusSeconds(10);
    set("a", t);
    clock.advanceTo(t);
    assertEquals(Optional.empty(), fired("a").get(0).alarmAtStart());
    assertEquals(List.of(Optional.of(t.plusSeconds(10))), afterSet);
    assertEquals(Optional.of(t.plusSeconds(10)), get("a"));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(2, fired("a").size());
    assertEquals(t.plusSeconds(10), fired("a").get(1).info().scheduledTime());
    assertEquals(Optional.empty(), get("a"), "consumed: the second run did not set one");
  }

  @Test
  void alarmTurnWaitsForARunningCallOfTheObject() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // Group commit: the synchronous committer needs one committing thread at a time.
      start(ObjectRuntime.builder().turnExecutor(pool));
      AtomicBoolean inCall = new AtomicBoolean();
      AtomicBoolean overlapped = new AtomicBoolean();
      probe.body = (ctx, info) -> overlapped.compareAndSet(false, inCall.get());
      probe.release = new java.util.concurrent.CountDownLatch(1);
      Instant t = clock.now().plusSeconds(1);
      set("a", t);
      CompletableFuture<byte[]> blocking =
          rt.call(AlarmProbe.NAMESPACE, AlarmProbe.id("a"), "block", new byte[0]);
      assertTrue(probe.blocked.await(30, TimeUnit.SECONDS));
      inCall.set(true);
      clock.advanceTo(t);
      // The alarm is due but queued behind the call: give a wrongly concurrent runtime the chance.
      Thread.sleep(50);
      assertTrue(probe.fired.isEmpty(), "the alarm ran while a call of its object was running");
      inCall.set(false);
      probe.release.countDown();
      join(blocking);
      for (int i = 0; i < 3000 && probe.fired.isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertEquals(1, probe.fired.size());
      assertFalse(overlapped.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void throwingAlarmIsRetriedWithJitteredBackoffThenAbandonedLoggedAndCounted() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger("dev.duro.runtime");
    log.addHandler(handler);
    try {
      start();
      probe.body =
          (ctx, info) -> {
            throw new IllegalStateException("boom " + info.retryCount());
          };
      Instant t = clock.now().plusSeconds(10);
      set("a", t);
      clock.advanceTo(t);
      assertEquals(1, fired("a").size());
      assertEquals(Optional.of(t), get("a"), "still set while a retry is pending");
      assertEquals(Optional.of(t), rt.pendingAlarm(AlarmProbe.NAMESPACE, AlarmProbe.id("a")));
      clock.advance(Duration.ofHours(1));
      List<AlarmProbe.Fired> attempts = fired("a");
      assertEquals(7, attempts.size(), "the first attempt and 6 retries");
      boolean jittered = false;
      for (int n = 0; n < attempts.size(); n++) {
        AlarmInfo info = attempts.get(n).info();
        assertEquals(n, info.retryCount());
        assertEquals(n > 0, info.isRetry());
        assertEquals(t, info.scheduledTime());
        if (n > 0) {
          long gap =
              Duration.between(attempts.get(n - 1).ranAt(), attempts.get(n).ranAt()).toMillis();
          long base = 2000L << (n - 1);
          assertTrue(gap >= base && gap <= base + base / 4, "retry " + n + " after " + gap);
          jittered |= gap != base;
        }
      }
      assertTrue(jittered, "no retry was jittered");
      assertEquals(Optional.empty(), get("a"), "abandoned alarms are deleted");
      assertEquals(1, rt.abandonedAlarmCount());
      assertTrue(
          logged.stream()
              .anyMatch(
                  r ->
                      r.getMessage().contains("abandoned after 7 failed attempts")
                          && r.getThrown() instanceof IllegalStateException),
          logged.toString());
      restart(b -> b);
      assertEquals(Optional.empty(), get("a"), "deleted durably");
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  void retryPolicyIsConfigurableAndASucceedingRetryConsumesTheAlarm() throws Exception {
    start(b -> b.alarmRetry(new AlarmRetryPolicy(Duration.ofMillis(100), 3, 0)));
    AtomicInteger failures = new AtomicInteger(2);
    probe.body =
        (ctx, info) -> {
          if (failures.getAndDecrement() > 0) {
            throw new IllegalStateException("not yet");
          }
        };
    Instant t = clock.now().plusSeconds(1);
    set("a", t);
    clock.advance(Duration.ofMinutes(1));
    List<Instant> ran = fired("a").stream().map(AlarmProbe.Fired::ranAt).toList();
    assertEquals(List.of(t, t.plusMillis(100), t.plusMillis(300)), ran);
    assertEquals(Optional.empty(), get("a"));
    assertEquals(0, rt.abandonedAlarmCount());
  }

  @Test
  void deletingTheAlarmOrAllStorageWithTheAlarmStopsIt() throws Exception {
    start();
    Instant t = clock.now().plusSeconds(30);
    for (String name : List.of("deleted", "allWithAlarm", "allWithoutAlarm", "retrying")) {
      set(name, t);
      call(name, "put", new byte[] {7});
    }
    call("deleted", "delete", new byte[0]);
    call("allWithAlarm", "deleteAll", new byte[] {1});
    call("allWithoutAlarm", "deleteAll", new byte[] {0});
    assertEquals(Optional.empty(), get("allWithAlarm"));
    assertEquals(Optional.of(t), get("allWithoutAlarm"), "deleteAll() keeps the alarm");
    assertEquals(0, call("allWithoutAlarm", "read", new byte[0]).length);
    probe.body =
        (ctx, info) -> {
          if (ctx.id().equals(AlarmProbe.id("retrying"))) {
            throw new IllegalStateException("retry me");
          }
        };
    clock.advanceTo(t);
    assertEquals(1, fired("retrying").size());
    // Deleting the alarm while its retry waits stops the retries too.
    call("retrying", "delete", new byte[0]);
    clock.advance(Duration.ofHours(2));
    assertEquals(1, fired("retrying").size());
    assertTrue(fired("deleted").isEmpty());
    assertTrue(fired("allWithAlarm").isEmpty());
    assertEquals(1, fired("allWithoutAlarm").size());
  }

  @Test
  void fireAlarmNowRunsThePendingAlarmHonouringRetries() throws Exception {
    start(b -> b.alarmRetry(AlarmRetryPolicy.defaults().withJitter(0)));
    ObjectId a = AlarmProbe.id("a");
    assertEquals(Optional.empty(), rt.pendingAlarm(AlarmProbe.NAMESPACE, a));
    assertFalse(join(rt.fireAlarmNow(AlarmProbe.NAMESPACE, a)), "no alarm: nothing runs");
    assertTrue(probe.fired.isEmpty());

    Instant t = clock.now().plus(Duration.ofHours(1));
    set("a", t);
    assertEquals(Optional.of(t), rt.pendingAlarm(AlarmProbe.NAMESPACE, a));
    AtomicInteger failures = new AtomicInteger(2);
    probe.body =
        (ctx, info) -> {
          if (failures.getAndDecrement() > 0) {
            throw new IllegalStateException("attempt " + info.retryCount());
          }
        };
    RemoteFailureException first =
        assertThrows(RemoteFailureException.class, () -> join(rt.fireAlarmNow("AlarmProbe", a)));
    assertEquals("attempt 0", first.remoteMessage());
    assertEquals(Optional.of(t), rt.pendingAlarm(AlarmProbe.NAMESPACE, a), "kept for its retry");
    // Fired out of turn again, it is the pending retry: retry count 1, and it replaces that timer.
    RemoteFailureException second =
        assertThrows(RemoteFailureException.class, () -> join(rt.fireAlarmNow("AlarmProbe", a)));
    assertEquals("attempt 1", second.remoteMessage());
    clock.advance(Duration.ofMillis(3999));
    assertEquals(2, probe.fired.size(), "retry 2 waits 4 s after the second attempt");
    clock.advance(Duration.ofMillis(1));
    assertEquals(List.of(0, 1, 2), fired("a").stream().map(f -> f.info().retryCount()).toList());
    assertTrue(fired("a").stream().allMatch(f -> f.info().scheduledTime().equals(t)));
    assertEquals(Optional.empty(), rt.pendingAlarm(AlarmProbe.NAMESPACE, a));
    clock.advance(Duration.ofHours(2));
    assertEquals(3, probe.fired.size(), "the original timer was consumed");

    set("b", t.plus(Duration.ofHours(5)));
    assertTrue(join(rt.fireAlarmNow(AlarmProbe.NAMESPACE, AlarmProbe.id("b"))));
    assertEquals(clock.now(), fired("b").get(0).ranAt());
    clock.advance(Duration.ofHours(10));
    assertEquals(1, fired("b").size());

    assertInstanceOf(
        InvalidRequestException.class,
        assertThrows(
                ExecutionException.class,
                () -> rt.fireAlarmNow("Nope", a).get(30, TimeUnit.SECONDS))
            .getCause());
    assertThrows(IllegalArgumentException.class, () -> rt.pendingAlarm("Nope", a));
  }

  @Test
  void aBoundedWindowHoldsManyAlarmsThatFireInTimeOrderAlsoAfterARestart() throws Exception {
    int window = 20;
    start(b -> b.alarmWindow(window));
    int n = 500;
    Random random = new Random(42);
    Instant t0 = clock.now();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    long[] due = new long[n];
    for (int k = 0; k < n; k++) {
      int i = order.get(k);
      due[i] = t0.toEpochMilli() + 1000 + random.nextInt(86_400_000);
      set("o" + i, Instant.ofEpochMilli(due[i]));
      assertTrue(rt.alarmsInMemory() <= window, "in memory: " + rt.alarmsInMemory());
    }
    // Half fire before the restart, half after; the restart reads one window only.
    clock.advance(Duration.ofHours(12));
    restart(b -> b.alarmWindow(window));
    assertTrue(rt.alarmsInMemory() <= window, "after restart: " + rt.alarmsInMemory());
    for (int step = 0; step < 14; step++) {
      clock.advance(Duration.ofHours(1));
      assertTrue(rt.alarmsInMemory() <= window, "in memory: " + rt.alarmsInMemory());
    }
    List<AlarmProbe.Fired> all = fired();
    assertEquals(n, all.size());
    long last = Long.MIN_VALUE;
    for (AlarmProbe.Fired f : all) {
      int i = Integer.parseInt(f.name().substring(1));
      assertEquals(due[i], f.info().scheduledTime().toEpochMilli());
      assertEquals(f.info().scheduledTime(), f.ranAt(), "fired exactly at its time");
      assertTrue(due[i] >= last, "out of order");
      last = due[i];
    }
    assertEquals(0, rt.alarmsInMemory());
  }
}
