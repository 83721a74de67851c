package dev.duro.runtime.internal.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watchdog's per-thread slots: one per thread that ran a turn, dropped once it has ended. */
class TurnWatchdogSlotsTest {
  @Test
  @SuppressWarnings("NullAway") // fast turns: the watchdog never looks at their cell
  void aThreadKeepsOneSlotAndASlotOfAThreadThatEndedIsDroppedByTheNextCheck() throws Exception {
    TurnWatchdog w = new TurnWatchdog(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      Thread t =
          new Thread(
              () -> {
                for (int turn = 0; turn < 3; turn++) {
                  w.ended(w.started(null, "m", System.nanoTime()));
                }
              });
      t.start();
      t.join();
    }
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread alive =
        new Thread(
            () -> {
              RunningTurn r = w.started(null, "m", System.nanoTime());
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              w.ended(r);
            });
    alive.start();
    running.await(20, TimeUnit.SECONDS);
    assertEquals(6, w.slotCount(), "one slot per thread, however many turns it ran");

    assertEquals(0, w.check().size(), "nothing runs past the threshold");
    assertEquals(1, w.slotCount(), "the five ended threads' slots are gone; the live one stays");

    release.countDown();
    alive.join();
    w.check();
    assertEquals(0, w.slotCount());
  }
}
