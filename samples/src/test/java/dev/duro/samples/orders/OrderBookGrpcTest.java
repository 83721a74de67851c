package dev.duro.samples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import dev.duro.samples.orders.OrderBook.Order;
import dev.duro.samples.orders.OrderBook.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the type system: records with nested records, an enum, lists, maps, an
 * Optional, an Instant and a protobuf message go through a real gRPC call to a host on disk, and
 * come back equal after the host is closed and a new one is started on the same directory.
 */
class OrderBookGrpcTest {
  @TempDir Path dir;

  @Test
  void ordersRoundTripThroughGrpcAndAHostRestart() throws Exception {
    Order first = Orders.first();
    Order second = Orders.second();
    Order paid;
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      OrderBookStub book = OrderBookNamespace.of(client).get("alice");
      assertEquals(first, book.place(first));
      assertEquals(second, book.async().place(second).get());
      assertEquals(Optional.of(first), book.find("o-1"));
      assertEquals(Optional.empty(), book.find("nope"));
      paid = book.advance("o-2", Status.PAID);
      assertEquals(Status.PAID, paid.status());
      assertEquals(second.lines(), paid.lines());
    }
    try (DuroHost host = DuroHost.builder().dataDirectory(dir).port(0).build().start();
        DuroClient client = DuroClient.connect("localhost:" + host.port())) {
      OrderBookStub book = OrderBookNamespace.of(client).get("alice");
      assertEquals(List.of(first, paid), book.all());
      assertEquals(Optional.of(first), book.find("o-1"));
      assertEquals("leave at the door ü", book.find("o-1").orElseThrow().note().getValue());
      assertEquals(Map.of("OPEN", 1, "PAID", 1), book.countByStatus());
      assertEquals(List.of("o-1:OPEN", "o-2:OPEN", "o-2:PAID"), book.history());
      assertEquals(List.of(), OrderBookNamespace.of(client).get("bob").all());
    }
  }
}
