package dev.duro.runtime.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.internal.storage.UnsignedBytes;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.TimeSource;
import dev.duro.runtime.spi.WriteBatch;
import dev.duro.runtime.testing.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler over an in-memory index: the window stays bounded, every alarm fires once, in time
 * order, never early, also when the index is far larger than the window.
 */
class AlarmSchedulerTest {
  private static final String NS = "T";
  private static final NamespaceKey KEY = NamespaceKey.of(NS);

  private final StorageEngine storage = StorageEngine.inMemory();
  private final List<AlarmScheduler<ObjectId>> schedulers = new ArrayList<>();

  @AfterEach
  void close() {
    schedulers.forEach(AlarmScheduler::close);
    storage.close();
  }

  record Fire(ObjectId id, long scheduled, int retry, long now) {}

  private static byte[] position(ObjectId id, long millis) {
    return KeyLayout.alarmIndex(millis, KeyLayout.objectPrefix(NS, id));
  }

  private void index(AlarmScheduler.Visitor<ObjectId> v, byte[] from) {
    byte[] start = KeyLayout.alarmIndexStart();
    storage.scan(
        UnsignedBytes.compare(from, start) < 0 ? start : from,
        KeyLayout.alarmIndexEnd(),
        (k, val) -> {
          KeyLayout.IndexEntry e = KeyLayout.parseAlarmIndex(k, val);
          return v.visit(k, e.id(), e.id(), e.timeMillis());
        });
  }

  private AlarmScheduler<ObjectId> scheduler(
      TimeSource time, AlarmScheduler.Dispatcher<ObjectId> d, int window, int maxInFlight) {
    AlarmScheduler<ObjectId> s =
        new AlarmScheduler<>(time, d, (from, v) -> index(v, from), window, maxInFlight);
    schedulers.add(s);
    return s;
  }

  /** A dispatcher that records the firing and consumes the alarm as its turn's commit would. */
  private AlarmScheduler.Dispatcher<ObjectId> consuming(TimeSource time, List<Fire> fires) {
    return (id, idAgain, scheduled, retry, done) -> {
      fires.add(new Fire(id, scheduled, retry, time.now().toEpochMilli()));
      storage.apply(WriteBatch.builder().delete(position(id, scheduled)).build());
      done.run();
    };
  }

  @Test
  void hundredThousandPendingAlarmsKeepTheInMemoryWindowBounded() {
    int n = 100_000;
    int window = 10_000;
    ManualTimeSource clock = new ManualTimeSource();
    long t0 = clock.now().toEpochMilli();
    Random random = new Random(5);
    Map<ObjectId, Long> due = new HashMap<>();
    WriteBatch.Builder b = WriteBatch.builder();
    for (int i = 0; i < n; i++) {
      ObjectId id = KEY.idFromName("o" + i);
      // Spread over about four weeks.
      long t = t0 + 1 + random.nextInt(2_419_200) * 1000L;
      due.put(id, t);
      b.put(position(id, t), KeyLayout.alarmIndexValue(id));
    }
    storage.apply(b.build());

    List<Fire> fires = new ArrayList<>();
    int[] maxInMemory = {0};
    AlarmScheduler<ObjectId>[] holder = new AlarmScheduler[1];
    AlarmScheduler.Dispatcher<ObjectId> consume = consuming(clock, fires);
    AlarmScheduler<ObjectId> s =
        scheduler(
            clock,
            (id, i, scheduled, retry, done) -> {
              maxInMemory[0] = Math.max(maxInMemory[0], holder[0].inMemoryCount());
              consume.fire(id, i, scheduled, retry, done);
            },
            window,
            window);
    holder[0] = s;
    s.start();
    assertEquals(window, s.inMemoryCount(), "start reads one window");
    assertEquals(1, s.pagesRead());

    for (int day = 0; day < 30; day++) {
      clock.advance(Duration.ofDays(1));
      assertTrue(s.inMemoryCount() <= window, "in memory: " + s.inMemoryCount());
    }
    assertTrue(maxInMemory[0] <= window, "in memory at a firing: " + maxInMemory[0]);
    assertEquals(n, fires.size());
    long last = Long.MIN_VALUE;
    for (Fire f : fires) {
      assertEquals(due.get(f.id()), f.scheduled());
      assertEquals(f.scheduled(), f.now(), "fired exactly at its time on the manual clock");
      assertTrue(f.scheduled() >= last, "out of order");
      last = f.scheduled();
    }
    assertEquals(n, fires.stream().map(Fire::id).distinct().count(), "each fired once");
    assertTrue(s.pagesRead() >= n / window, "paged: " + s.pagesRead());
    assertEquals(0, s.inMemoryCount());
  }

  @Test
  void setsBeyondTheWindowStayOnDiskAndStillFireInOrder() {
    ManualTimeSource clock = new ManualTimeSource();
    long t0 = clock.now().toEpochMilli();
    List<Fire> fires = new ArrayList<>();
    AlarmScheduler<ObjectId> s = scheduler(clock, consuming(clock, fires), 10, 10);
    s.start();
    // Latest first: every set after the tenth overflows the window and moves its horizon down.
    for (int i = 40; i > 0; i--) {
      ObjectId id = KEY.idFromName("o" + i);
      long t = t0 + i * 1000L;
      storage.apply(WriteBatch.builder().put(position(id, t), new byte[] {0}).build());
      s.set(id, id, t, position(id, t));
      assertTrue(s.inMemoryCount() <= 10, "in memory: " + s.inMemoryCount());
    }
    // Sets beyond the horizon are not taken into memory.
    ObjectId late = KEY.idFromName("late");
    long lateAt = t0 + 500_000;
    storage.apply(WriteBatch.builder().put(position(late, lateAt), new byte[] {0}).build());
    s.set(late, late, lateAt, position(late, lateAt));
    assertEquals(null, s.scheduledMillis(late));
    clock.advance(Duration.ofHours(1));
    assertEquals(41, fires.size());
    for (int i = 0; i < 40; i++) {
      assertEquals(t0 + (i + 1) * 1000L, fires.get(i).scheduled());
      assertEquals(fires.get(i).scheduled(), fires.get(i).now());
    }
    assertEquals(late, fires.get(40).id());
  }

  @Test
  void moreAlarmsDueAtOneInstantThanTheWindowHoldsAllFire() {
    // The window is full when its horizon falls due: paging must wait for room, not fail.
    ManualTimeSource clock = new ManualTimeSource();
    long t = clock.now().toEpochMilli() + 1000;
    List<Fire> fires = new ArrayList<>();
    AlarmScheduler<ObjectId> s = scheduler(clock, consuming(clock, fires), 10, 10);
    for (int i = 0; i < 35; i++) {
      ObjectId id = KEY.idFromName("o" + i);
      storage.apply(WriteBatch.builder().put(position(id, t), new byte[] {0}).build());
    }
    s.start();
    assertEquals(10, s.inMemoryCount());
    clock.advance(Duration.ofSeconds(2));
    for (int round = 0; round < 10 && fires.size() < 35; round++) {
      clock.advance(Duration.ZERO);
    }
    assertEquals(35, fires.size());
    assertEquals(35, fires.stream().map(Fire::id).distinct().count());
    assertEquals(0, s.inMemoryCount());
  }

  @Test
  void retriesAreKeptOutsideTheWindowAndReplaceTheAlarmsEntry() {
    ManualTimeSource clock = new ManualTimeSource();
    long t0 = clock.now().toEpochMilli();
    List<Fire> fires = new ArrayList<>();
    AlarmScheduler<ObjectId> s = scheduler(clock, consuming(clock, fires), 2, 2);
    for (int i = 1; i <= 6; i++) {
      ObjectId id = KEY.idFromName("o" + i);
      storage.apply(WriteBatch.builder().put(position(id, t0 + i * 1000L), new byte[] {0}).build());
    }
    s.start();
    ObjectId o5 = KEY.idFromName("o5");
    // A retry of an alarm beyond the window: in memory anyway, and the index entry is not re-read.
    s.retry(o5, o5, t0 + 5000, position(o5, t0 + 5000), 3, Instant.ofEpochMilli(t0 + 60_000));
    assertEquals(3, s.inMemoryCount());
    clock.advance(Duration.ofSeconds(30));
    assertEquals(5, fires.size());
    assertTrue(fires.stream().noneMatch(f -> f.id().equals(o5)));
    clock.advance(Duration.ofSeconds(30));
    Fire retry = fires.get(5);
    assertEquals(new Fire(o5, t0 + 5000, 3, t0 + 60_000), retry);
    assertEquals(0, s.inMemoryCount());
  }

  @Test
  void atMostMaxInFlightAlarmTurnsAreDispatchedAtOnce() {
    ManualTimeSource clock = new ManualTimeSource();
    long t = clock.now().toEpochMilli() + 10;
    List<Runnable> outstanding = new ArrayList<>();
    AtomicInteger fired = new AtomicInteger();
    int[] maxOutstanding = {0};
    AlarmScheduler<ObjectId> s =
        scheduler(
            clock,
            (id, i, scheduled, retry, done) -> {
              storage.apply(WriteBatch.builder().delete(position(id, scheduled)).build());
              fired.incrementAndGet();
              outstanding.add(done);
              maxOutstanding[0] = Math.max(maxOutstanding[0], outstanding.size());
            },
            100,
            5);
    s.start();
    for (int i = 0; i < 50; i++) {
      ObjectId id = KEY.idFromName("o" + i);
      storage.apply(WriteBatch.builder().put(position(id, t), new byte[] {0}).build());
      s.set(id, id, t, position(id, t));
    }
    clock.advance(Duration.ofSeconds(1));
    assertEquals(5, fired.get());
    for (int round = 0; round < 100 && fired.get() < 50; round++) {
      List<Runnable> done = new ArrayList<>(outstanding);
      outstanding.clear();
      done.forEach(Runnable::run);
      clock.advance(Duration.ZERO);
    }
    assertEquals(50, fired.get());
    assertEquals(5, maxOutstanding[0]);
  }

  @Test
  void concurrentSetsAndCancelsNeverLoseTheLatestAlarmNorFireEarly() throws Exception {
    int threads = 8;
    int objectsPerThread = 50;
    int rounds = 200;
    try (SystemTimeSource time = new SystemTimeSource()) {
      Map<ObjectId, Long> current = new ConcurrentHashMap<>();
      List<String> problems = new CopyOnWriteArrayList<>();
      // Index entries decode to new ObjectId instances: lock on one instance per object.
      Map<ObjectId, ObjectId> canonical = new ConcurrentHashMap<>();
      AlarmScheduler<ObjectId> s =
          scheduler(
              time,
              (id, i, scheduled, retry, done) -> {
                long now = time.now().toEpochMilli();
                synchronized (canonical.get(id)) {
                  if (now < scheduled) {
                    problems.add(id + " fired " + (scheduled - now) + " ms early");
                  }
                  Long c = current.get(id);
                  if (c != null && c == scheduled) {
                    storage.apply(WriteBatch.builder().delete(position(id, scheduled)).build());
                    current.remove(id);
                  }
                }
                done.run();
              },
              32,
              8);
      s.start();
      List<ObjectId> ids = new ArrayList<>();
      for (int i = 0; i < threads * objectsPerThread; i++) {
        ObjectId id = KEY.idFromName("c" + i);
        ids.add(id);
        canonical.put(id, id);
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        List<ObjectId> mine = ids.subList(w * objectsPerThread, (w + 1) * objectsPerThread);
        Thread thread =
            new Thread(
                () -> {
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int round = 0; round < rounds; round++) {
                    ObjectId id = mine.get(r.nextInt(mine.size()));
                    // Each object's changes are "committed" and reported in order under its lock.
                    synchronized (id) {
                      Long old = current.get(id);
                      WriteBatch.Builder b = WriteBatch.builder();
                      if (old != null) {
                        b.delete(position(id, old));
                      }
                      if (r.nextInt(5) == 0) {
                        storage.apply(b.build());
                        current.remove(id);
                        s.cancel(id);
                      } else {
                        long t = time.now().toEpochMilli() + r.nextInt(40);
                        storage.apply(b.put(position(id, t), new byte[] {0}).build());
                        current.put(id, t);
                        s.set(id, id, t, position(id, t));
                      }
                    }
                  }
                });
        thread.start();
        workers.add(thread);
      }
      go.countDown();
      for (Thread t : workers) {
        t.join();
      }
      for (int i = 0; i < 3000 && !current.isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertEquals(Map.of(), current, "latest alarms that never fired");
      assertEquals(List.of(), problems);
      assertTrue(s.inMemoryCount() <= 32);
    }
  }
}
