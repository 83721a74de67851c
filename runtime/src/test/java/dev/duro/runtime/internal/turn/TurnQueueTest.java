package dev.duro.runtime.internal.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnQueueTest {
  @Test
  void tasksOfOneQueueNeverOverlapAndKeepEachProducersOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    TurnQueue queue = new TurnQueue(pool);
    AtomicBoolean running = new AtomicBoolean();
    AtomicInteger overlaps = new AtomicInteger();
    int producers = 8;
    int perProducer = 2000;
    int[] lastSeen = new int[producers];
    java.util.Arrays.fill(lastSeen, -1);
    AtomicInteger outOfOrder = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(producers * perProducer);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < perProducer; i++) {
                  int seq = i;
                  queue.execute(
                      () -> {
                        if (!running.compareAndSet(false, true)) {
                          overlaps.incrementAndGet();
                        }
                        // Confined to the queue: plain array access is safe if tasks are serial.
                        if (lastSeen[producer] != seq - 1) {
                          outOfOrder.incrementAndGet();
                        }
                        lastSeen[producer] = seq;
                        running.set(false);
                        done.countDown();
                      });
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    pool.shutdown();
    assertEquals(0, overlaps.get());
    assertEquals(0, outOfOrder.get());
  }

  @Test
  void aTaskSubmittedFromATaskRunsAfterItEvenOnADirectExecutor() {
    TurnQueue queue = new TurnQueue(Runnable::run);
    List<String> log = new ArrayList<>();
    queue.execute(
        () -> {
          log.add("a-start");
          queue.execute(() -> log.add("b"));
          log.add("a-end");
        });
    assertEquals(List.of("a-start", "a-end", "b"), log);
  }

  @Test
  void aThrowingTaskDoesNotStopTheQueue() {
    TurnQueue queue = new TurnQueue(Runnable::run);
    List<String> log = new ArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
    Thread.currentThread()
        .setUncaughtExceptionHandler((t, e) -> log.add("reported " + e.getMessage()));
    try {
      queue.execute(
          () -> {
            queue.execute(() -> log.add("after"));
            throw new IllegalStateException("x");
          });
    } finally {
      Thread.currentThread().setUncaughtExceptionHandler(previous);
    }
    assertEquals(List.of("reported x", "after"), log);
  }

  @Test
  void aLongQueueYieldsItsThreadButRunsEverything() throws Exception {
    List<Runnable> resubmitted = new ArrayList<>();
    // An executor that records hand-offs; the test runs them itself.
    TurnQueue queue = new TurnQueue(resubmitted::add);
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 200; i++) {
      queue.execute(ran::incrementAndGet);
    }
    assertEquals(1, resubmitted.size(), "one drain scheduled for 200 tasks");
    int drains = 0;
    while (!resubmitted.isEmpty()) {
      resubmitted.remove(0).run();
      drains++;
    }
    assertEquals(200, ran.get());
    assertEquals((200 + TurnQueue.FAIRNESS_BATCH - 1) / TurnQueue.FAIRNESS_BATCH, drains);
  }
}
