package dev.duro.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ManualTimeSource;
import dev.duro.runtime.testing.ScriptedBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog for turns that never end: a turn running past the slow-turn threshold is reported
 * (counted, logged with its stack, listed by {@code stuckTurns()}) while it still runs, once.
 */
class TurnWatchdogTest {
  private static final String NS = "W";
  private static final NamespaceKey KEY = NamespaceKey.of(NS);

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final Logger JUL = Logger.getLogger("dev.duro.runtime");

  private final ScriptedBinding binding = new ScriptedBinding(NS);
  private final List<ObjectRuntime> runtimes = new ArrayList<>();
  private final ConcurrentLinkedQueue<LogRecord> logs = new ConcurrentLinkedQueue<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logs.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final List<ExecutorService> pools = new ArrayList<>();

  @BeforeEach
  void captureLogs() {
    capture.setLevel(Level.ALL);
    JUL.addHandler(capture);
  }

  @AfterEach
  void close() {
    runtimes.forEach(ObjectRuntime::close);
    pools.forEach(ExecutorService::shutdownNow);
    JUL.removeHandler(capture);
  }

  private ObjectRuntime open(Duration threshold, Consumer<ObjectRuntime.Builder> config) {
    ObjectRuntime.Builder b =
        ObjectRuntime.builder()
            .bindings(List.of(binding))
            .storage(StorageEngine.inMemory())
            .slowTurnThreshold(threshold);
    config.accept(b);
    ObjectRuntime r = b.build();
    runtimes.add(r);
    return r;
  }

  private static ObjectId id(String name) {
    return KEY.idFromName(name);
  }

  private static String text(LogRecord r) {
    return new SimpleFormatter().formatMessage(r);
  }

  private List<String> messages(Level level, String containing) {
    List<String> out = new ArrayList<>();
    for (LogRecord r : logs) {
      String t = text(r);
      if (r.getLevel().equals(level) && t.contains(containing)) {
        out.add(t);
      }
    }
    return out;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(5);
    }
  }

  @Test
  void aTurnBlockedOnALatchIsReportedWhileItRunsAndCountedOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    binding.on("block", ScriptedBinding.blocking(entered, release));
    ObjectRuntime r = open(Duration.ofMillis(100), b -> {});
    CompletableFuture<byte[]> reply = r.call(NS, id("stuck"), "block", new byte[0]);
    assertTrue(entered.await(20, TimeUnit.SECONDS));

    await(() -> r.slowTurnCount() == 1, "the running turn is counted");
    assertFalse(reply.isDone(), "reported while it still runs");
    List<StuckTurn> stuck = r.stuckTurns();
    assertEquals(1, stuck.size(), stuck.toString());
    StuckTurn s = stuck.get(0);
    assertEquals(NS, s.namespace());
    assertEquals(id("stuck"), s.id());
    assertEquals("stuck", s.id().name().orElseThrow(), "the id keeps the name it was called by");
    assertEquals("block", s.method());
    assertTrue(s.runningFor().compareTo(Duration.ofMillis(100)) > 0, s.toString());
    assertTrue(s.thread().startsWith("duro-turn-"), s.thread());

    List<String> warnings = messages(Level.WARNING, "Stuck turn: W.block on W/");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("over the slow-turn threshold of 100 ms"), warnings.get(0));
    LogRecord record =
        logs.stream().filter(l -> text(l).startsWith("Stuck turn:")).findFirst().orElseThrow();
    Throwable stack = record.getThrown();
    assertNotNull(stack, "the warning carries the thread's stack");
    assertTrue(stack.toString().contains(s.thread()), stack.toString());
    assertTrue(
        Arrays.stream(stack.getStackTrace())
            .anyMatch(f -> f.getClassName().equals(CountDownLatch.class.getName())),
        "the stack shows where the turn waits: " + Arrays.toString(stack.getStackTrace()));

    release.countDown();
    reply.get(20, TimeUnit.SECONDS);
    assertEquals(1, r.slowTurnCount(), "not counted again when it ends");
    assertEquals(List.of(), r.stuckTurns());
    assertEquals(1, messages(Level.INFO, "Stuck turn ended: W.block").size());
    assertEquals(List.of(), messages(Level.WARNING, "Slow turn:"), "no second warning at the end");
  }

  @Test
  void aSlowTurnIsCountedOnceWhetherTheWatchdogOrItsOwnEndSeesItFirst() throws Exception {
    binding.on(
        "slow",
        (ctx, req) -> {
          Thread.sleep(30);
          return new byte[0];
        });
    binding.on("fast", (ctx, req) -> new byte[0]);
    // Checks every 10 ms: some turns are seen while they run, others only when they end.
    ObjectRuntime r = open(Duration.ofMillis(20), b -> b.turnExecutor(Runnable::run));
    for (int i = 0; i < 20; i++) {
      r.call(NS, id("o"), "slow", new byte[0]).get(20, TimeUnit.SECONDS);
      r.call(NS, id("o"), "fast", new byte[0]).get(20, TimeUnit.SECONDS);
    }
    assertEquals(20, r.slowTurnCount());
    assertEquals(
        20,
        messages(Level.WARNING, "Stuck turn: W.slow").size()
            + messages(Level.WARNING, "Slow turn: W.slow").size());
    assertEquals(
        messages(Level.WARNING, "Stuck turn: W.slow").size(),
        messages(Level.INFO, "Stuck turn ended: W.slow").size());
  }

  @Test
  void aStuckAlarmTurnIsReportedAsAnAlarm() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    binding.on(
        "set",
        (ctx, req) -> {
          ctx.alarm().setIn(Duration.ofSeconds(1));
          return new byte[0];
        });
    binding.on("@alarm", ScriptedBinding.blocking(entered, release));
    ManualTimeSource clock = new ManualTimeSource();
    ObjectRuntime r = open(Duration.ofMillis(50), b -> b.timeSource(clock));
    r.call(NS, id("a"), "set", new byte[0]).get(20, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(1));
    assertTrue(entered.await(20, TimeUnit.SECONDS));
    await(() -> r.slowTurnCount() == 1, "the alarm turn is counted");
    List<StuckTurn> stuck = r.stuckTurns();
    assertEquals(1, stuck.size());
    assertEquals("@Alarm", stuck.get(0).method());
    assertEquals(1, messages(Level.WARNING, "Stuck turn: W.@Alarm on W/").size());
    release.countDown();
    await(() -> r.stuckTurns().isEmpty(), "the alarm turn ends");
    assertEquals(1, r.slowTurnCount());
  }

  @Test
  void aTurnThatKeepsRunningGetsSpacedReminders() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    binding.on("block", ScriptedBinding.blocking(entered, release));
    ObjectRuntime r = open(Duration.ofMillis(20), b -> {});
    CompletableFuture<byte[]> reply = r.call(NS, id("o"), "block", new byte[0]);
    assertTrue(entered.await(20, TimeUnit.SECONDS));
    // First report after 20 ms; reminders at least 200 ms apart and at doubled running times.
    await(
        () -> messages(Level.WARNING, "Stuck turn still running: W.block").size() >= 2,
        "two reminders");
    release.countDown();
    reply.get(20, TimeUnit.SECONDS);
    assertEquals(1, r.slowTurnCount());
    assertEquals(1, messages(Level.WARNING, "Stuck turn: W.block").size());
    // The running times the logs give: each at least double the last and 10 thresholds later.
    List<Long> ran = new ArrayList<>();
    for (String m : messages(Level.WARNING, "W.block")) {
      Matcher found = Pattern.compile("running for (\\d+) ms").matcher(m);
      assertTrue(found.find(), m);
      ran.add(Long.parseLong(found.group(1)));
    }
    assertTrue(ran.size() >= 3, ran.toString());
    for (int i = 1; i < ran.size(); i++) {
      assertTrue(ran.get(i) >= 2 * ran.get(i - 1) - 1, "not doubled: " + ran);
      assertTrue(ran.get(i) - ran.get(i - 1) >= 199, "reminders too close: " + ran);
    }
  }

  @Test
  void turnsNestedOnOneThreadAreEachReportedAndDropOffInnermostFirst() throws Exception {
    // With a direct turn executor, a turn that calls another object runs that object's turn on its
    // own stack: one thread, two running turns.
    AtomicReference<ObjectRuntime> runtime = new AtomicReference<>();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    binding.on("block", ScriptedBinding.blocking(entered, release));
    binding.on(
        "callInner", (ctx, req) -> runtime.get().call(NS, id("inner"), "block", new byte[0]).get());
    ObjectRuntime r = open(Duration.ofMillis(50), b -> b.turnExecutor(Runnable::run));
    runtime.set(r);
    CompletableFuture<byte[]> reply =
        CompletableFuture.supplyAsync(
            () -> r.call(NS, id("outer"), "callInner", new byte[0]).join(),
            runnable -> new Thread(runnable, "nesting-caller").start());
    assertTrue(entered.await(20, TimeUnit.SECONDS));

    await(() -> r.stuckTurns().size() == 2, "both turns are reported");
    List<StuckTurn> stuck = r.stuckTurns();
    assertEquals(id("outer"), stuck.get(0).id(), "longest running first: " + stuck);
    assertEquals("callInner", stuck.get(0).method());
    assertEquals(id("inner"), stuck.get(1).id());
    assertEquals("block", stuck.get(1).method());
    assertEquals("nesting-caller", stuck.get(0).thread());
    assertEquals("nesting-caller", stuck.get(1).thread());
    await(() -> r.slowTurnCount() == 2, "both are counted");

    release.countDown();
    reply.get(20, TimeUnit.SECONDS);
    assertEquals(List.of(), r.stuckTurns(), "neither is running any more");
    assertEquals(2, r.slowTurnCount(), "not counted again when they end");
    assertEquals(1, messages(Level.INFO, "Stuck turn ended: W.block").size());
    assertEquals(1, messages(Level.INFO, "Stuck turn ended: W.callInner").size());
  }

  @Test
  void manyThreadsOfFastAndSlowTurnsCountEachSlowTurnOnceAndNoFastOne() throws Exception {
    Duration threshold = Duration.ofMillis(250);
    AtomicInteger slowRan = new AtomicInteger();
    binding.on("fast", (ctx, req) -> new byte[0]);
    binding.on(
        "slow",
        (ctx, req) -> {
          Thread.sleep(2 * threshold.toMillis());
          slowRan.incrementAndGet();
          return new byte[0];
        });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    pools.add(pool);
    ObjectRuntime r = open(threshold, b -> b.turnExecutor(pool));

    int callers = 8;
    int callsEach = 25;
    int objects = 12;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> violation = new AtomicReference<>();
    AtomicInteger snapshots = new AtomicInteger();
    Thread inspector =
        new Thread(
            () -> {
              while (!done.get()) {
                List<StuckTurn> stuck = r.stuckTurns();
                snapshots.incrementAndGet();
                Set<ObjectId> seen = new HashSet<>();
                for (StuckTurn s : stuck) {
                  if (!s.method().equals("slow")
                      || s.runningFor().compareTo(threshold) <= 0
                      || !seen.add(s.id())) {
                    violation.compareAndSet(null, "bad snapshot " + stuck);
                  }
                }
                if (r.slowTurnCount() > slowRan.get() + objects) {
                  // At most one slow turn per object may be counted before it finishes.
                  violation.compareAndSet(
                      null, "counted " + r.slowTurnCount() + " with " + slowRan.get() + " done");
                }
                try {
                  Thread.sleep(3);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    inspector.start();
    List<Thread> threads = new ArrayList<>();
    AtomicInteger slowSent = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < callers; t++) {
      Thread thread =
          new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < callsEach; i++) {
                  boolean slow = random.nextInt(10) == 0;
                  if (slow) {
                    slowSent.incrementAndGet();
                  }
                  try {
                    r.call(
                            NS,
                            id("o" + random.nextInt(objects)),
                            slow ? "slow" : "fast",
                            new byte[0])
                        .get(60, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    failures.add(e);
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    done.set(true);
    inspector.join();

    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(null, violation.get());
    assertTrue(snapshots.get() > 0);
    assertEquals(slowSent.get(), slowRan.get());
    assertEquals(slowSent.get(), r.slowTurnCount(), "each slow turn counted exactly once");
    assertEquals(
        slowSent.get(),
        messages(Level.WARNING, "Stuck turn: W.slow").size()
            + messages(Level.WARNING, "Slow turn: W.slow").size(),
        "one first warning per slow turn");
    assertEquals(List.of(), messages(Level.WARNING, ".fast"), "a fast turn is never reported");
    assertEquals(List.of(), r.stuckTurns());
  }
}
