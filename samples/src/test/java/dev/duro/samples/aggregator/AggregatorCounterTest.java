package dev.duro.samples.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DuroTest
class AggregatorCounterTest {
  @Test
  void incrementsAreBufferedUntilTheAlarmFlushesThemInOneWrite(DuroTestKit kit) {
    AggregatorCounterStub c = kit.namespace(AggregatorCounterNamespace::of).get("metrics");
    assertEquals(1, c.increment("a", 1));
    kit.advance(Duration.ofSeconds(5));
    assertEquals(3, c.increment("a", 2));
    assertEquals(10, c.increment("b", 10));
    assertEquals(Map.of("a", 3L, "b", 10L), c.counts());
    assertEquals(Map.of(), c.flushedCounts());
    kit.advance(Duration.ofSeconds(4));
    assertEquals(Map.of(), c.flushedCounts(), "flushed before the interval from the first one");
    kit.advance(Duration.ofSeconds(1));
    assertEquals(Map.of("a", 3L, "b", 10L), c.flushedCounts());
    assertEquals(1, c.flushes());
    kit.evictAll();
    assertEquals(3, c.count("a"), "flushed counts are durable");
    assertEquals(Map.of("a", 3L, "b", 10L), c.counts());
  }

  @Test
  void laterIncrementsAddToFlushedCountsAndScheduleTheNextFlush(DuroTestKit kit) {
    AggregatorCounterStub c = kit.namespace(AggregatorCounterNamespace::of).get("metrics");
    c.increment("a", 1);
    kit.advance(AggregatorCounter.DEFAULT_FLUSH_INTERVAL);
    c.increment("a", 5);
    assertEquals(6, c.count("a"));
    kit.advance(AggregatorCounter.DEFAULT_FLUSH_INTERVAL);
    assertEquals(Map.of("a", 6L), c.flushedCounts());
    assertEquals(2, c.flushes());
    kit.advance(Duration.ofMinutes(1));
    assertEquals(2, c.flushes(), "no flush without increments");
  }

  @Test
  void unflushedIncrementsAreLostOnEvictionByDesign(DuroTestKit kit) {
    AggregatorCounterStub c = kit.namespace(AggregatorCounterNamespace::of).get("metrics");
    c.increment("a", 1);
    c.flush();
    c.increment("a", 100);
    kit.evictAll();
    assertEquals(1, c.count("a"));
    kit.advance(Duration.ofMinutes(1)); // the pending alarm finds an empty buffer
    assertEquals(Map.of("a", 1L), c.flushedCounts());
  }

  @Test
  void explicitFlushWritesAtOnceAndCancelsTheAlarm(DuroTestKit kit) {
    AggregatorCounterStub c = kit.namespace(AggregatorCounterNamespace::of).get("metrics");
    c.increment("x", 7);
    c.increment("y", 1);
    assertEquals(2, c.flush());
    assertEquals(Map.of("x", 7L, "y", 1L), c.flushedCounts());
    assertEquals(0, c.flush());
    kit.advance(Duration.ofMinutes(1));
    assertEquals(1, c.flushes());
  }

  @Test
  void flushIntervalIsConfigurable(DuroTestKit kit) {
    AggregatorCounterStub c = kit.namespace(AggregatorCounterNamespace::of).get("metrics");
    c.setFlushInterval(500);
    c.increment("a", 1);
    kit.advance(Duration.ofMillis(499));
    assertEquals(0, c.flushes());
    kit.advance(Duration.ofMillis(1));
    assertEquals(1, c.flushes());
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> c.setFlushInterval(0));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
  }
}
