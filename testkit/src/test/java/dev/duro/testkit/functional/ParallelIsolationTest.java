package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests running at the same time (JUnit parallel execution is enabled for this module) each get
 * their own kit through a field: the same object name, written concurrently, never shows another
 * test's state, and kits never repeat.
 */
@DuroTest
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {
  private static final Set<DuroTestKit> SEEN = ConcurrentHashMap.newKeySet();
  private static final CountDownLatch OVERLAP = new CountDownLatch(2);

  DuroTestKit kit;

  @RepeatedTest(8)
  void isolated() throws InterruptedException {
    assertTrue(SEEN.add(kit), "a kit was reused across tests");
    // Make at least two tests overlap in time when the platform runs them in parallel.
    OVERLAP.countDown();
    OVERLAP.await(2, TimeUnit.SECONDS);
    CounterStub c = kit.namespace(CounterNamespace::of).get("shared");
    for (int i = 1; i <= 50; i++) {
      assertEquals(i, c.increment(1));
    }
    assertEquals(1, kit.listObjects(CounterNamespace::of).size());
    kit.advance(Duration.ofMinutes(1));
    assertEquals(0, c.get(), "only this test's clock fired this test's alarm");
  }
}
