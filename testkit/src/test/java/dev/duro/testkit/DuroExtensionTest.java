package dev.duro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.TransportException;
import dev.duro.testkit.functional.CounterNamespace;
import dev.duro.testkit.functional.CounterStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code @DuroTest} injects a fresh kit per test (bindings from the ServiceLoader: the processor
 * registers the generated {@code Counter_Binding}) and closes it after the test.
 */
@DuroTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuroExtensionTest {
  private static DuroTestKit firstKit;
  private DuroTestKit fromBeforeEach;

  @BeforeEach
  void setUp(DuroTestKit kit) {
    fromBeforeEach = kit;
  }

  @Test
  @Order(1)
  void firstTestGetsAKit(DuroTestKit kit) {
    assertSame(fromBeforeEach, kit, "lifecycle methods of one test share its kit");
    CounterStub c = kit.namespace(CounterNamespace::of).get("shared-name");
    assertEquals(5, c.increment(5));
    firstKit = kit;
  }

  @Test
  @Order(2)
  void secondTestGetsAnotherFreshKitAndTheFirstWasClosed(DuroTestKit kit) {
    assertNotNull(firstKit);
    assertNotSame(firstKit, kit);
    CounterStub c = kit.namespace(CounterNamespace::of).get("shared-name");
    assertEquals(1, c.increment(1), "no state leaks from the first test's kit");
    CounterStub old = firstKit.namespace(CounterNamespace::of).get("shared-name");
    assertThrows(TransportException.class, old::get, "the first kit was closed after its test");
  }
}
