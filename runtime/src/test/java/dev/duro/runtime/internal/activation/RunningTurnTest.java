package dev.duro.runtime.internal.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hand-off between the watchdog's report of a running turn and the turn's own end. */
class RunningTurnTest {
  /** The hand-off does not look at the cell. */
  @SuppressWarnings("NullAway")
  private static RunningTurn turn() {
    return new RunningTurn(null, "m", new TurnWatchdog.Slot(Thread.currentThread()), 0, null);
  }

  @Test
  void anEndWaitsForAReportInProgressAndSaysTheTurnWasReported() throws Exception {
    RunningTurn r = turn();
    CountDownLatch inReport = new CountDownLatch(1);
    AtomicBoolean reportDone = new AtomicBoolean();
    Thread watchdog =
        new Thread(
            () ->
                r.claimWhileRunning(
                    () -> {
                      inReport.countDown();
                      try {
                        Thread.sleep(100);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      reportDone.set(true);
                    }));
    watchdog.start();
    inReport.await();
    assertTrue(r.end(), "reported while it ran");
    assertTrue(reportDone.get(), "end returned only after the report finished");
    watchdog.join();
    assertFalse(r.claimWhileRunning(() -> {}), "an ended turn cannot be claimed");
  }

  /** Claim and end race on many turns: each turn is counted exactly once, by one side. */
  @Test
  void racingClaimsAndEndsCountEveryTurnExactlyOnce() throws Exception {
    int turns = 20_000;
    AtomicInteger counted = new AtomicInteger();
    RunningTurn[] all = new RunningTurn[turns];
    for (int i = 0; i < turns; i++) {
      all[i] = turn();
    }
    CyclicBarrier start = new CyclicBarrier(2);
    AtomicInteger claimedByWatchdog = new AtomicInteger();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                start.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              for (RunningTurn r : all) {
                if (r.claimWhileRunning(counted::incrementAndGet)) {
                  claimedByWatchdog.incrementAndGet();
                }
              }
            });
    watchdog.start();
    start.await();
    int reportedAtEnd = 0;
    for (RunningTurn r : all) {
      if (r.end()) {
        reportedAtEnd++;
      } else {
        counted.incrementAndGet(); // the turn's own end counts what the watchdog did not
      }
    }
    watchdog.join();
    assertEquals(turns, counted.get(), "every turn counted once");
    assertEquals(claimedByWatchdog.get(), reportedAtEnd, "each end agrees with the watchdog");
  }
}
