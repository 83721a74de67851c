package dev.duro.samples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.samples.orders.OrderBook.Order;
import dev.duro.samples.orders.OrderBook.Status;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@DuroTest
class OrderBookTest {
  @Test
  void ordersSurviveEvictionEqual(DuroTestKit kit) {
    OrderBookStub book = kit.namespace(OrderBookNamespace::of).get("alice");
    Order first = Orders.first();
    book.place(first);
    book.place(Orders.second());
    kit.evictAll();
    assertEquals(Optional.of(first), book.find("o-1"));
    assertEquals(List.of(first, Orders.second()), book.all());
    assertEquals(Map.of("OPEN", 2), book.countByStatus());
  }

  @Test
  void aFailedAdvanceChangesNothing(DuroTestKit kit) {
    OrderBookStub book = kit.namespace(OrderBookNamespace::of).get("alice");
    book.place(Orders.first());
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> book.advance("o-9", Status.SHIPPED));
    assertEquals("no order o-9", e.remoteMessage());
    assertEquals(Status.SHIPPED, book.advance("o-1", Status.SHIPPED).status());
    assertEquals(List.of("o-1:OPEN", "o-1:SHIPPED"), book.history());
  }
}
