/**
 * Testing durable objects: {@link dev.duro.testkit.DuroTestKit} runs the real Duro runtime in
 * memory, on the test's thread, with a {@link dev.duro.testkit.ManualClock}, so tests are fast and
 * deterministic; {@link dev.duro.testkit.DuroTest} injects a fresh kit into each JUnit 5 test.
 *
 * <pre>{@code
 * @DuroTest
 * class CounterTest {
 *   @Test
 *   void expires(DuroTestKit kit) {
 *     CounterStub c = kit.namespace(CounterNamespace::of).get("a");
 *     c.increment(5);
 *     kit.advance(Duration.ofMinutes(2)); // fires due alarms, on this thread
 *     assertEquals(0, c.get());
 *   }
 * }
 * }</pre>
 */
@NullMarked
package dev.duro.testkit;

import org.jspecify.annotations.NullMarked;
