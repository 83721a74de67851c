package dev.duro.grpc;

import static dev.duro.grpc.FakeInvoker.longRequest;
import static dev.duro.grpc.FakeInvoker.readLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.Attributes;
import io.grpc.ServerTransportFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client is one HTTP/2 connection, whatever its threads, deadline views and call styles; with
 * the default keepalive settings of both sides the host never drops it for pinging too often.
 */
class ConnectionReuseTest {
  private static final ObjectId ID = NamespaceKey.of("Counter").idFromName("shared");

  @TempDir Path data;

  @Test
  void allCallsOfAClientShareOneConnection() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    ServerTransportFilter counter =
        new ServerTransportFilter() {
          @Override
          public Attributes transportReady(Attributes attributes) {
            connections.incrementAndGet();
            return attributes;
          }

          @Override
          public void transportTerminated(Attributes attributes) {
            closed.incrementAndGet();
          }
        };
    try (DuroHost host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(new DurableCounter.Binding()))
            .keepAlive(Duration.ofMinutes(1), Duration.ofSeconds(10))
            .permitKeepAliveTime(Duration.ofSeconds(15))
            .configureServer(server -> server.addTransportFilter(counter))
            .build()
            .start()) {
      int threads = 8;
      int callsPerThread = 25;
      try (DuroClient client = DuroClient.connect("127.0.0.1:" + host.port())) {
        DuroClient bounded = client.withDeadline(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            DuroClient c = t % 2 == 0 ? client : bounded;
            boolean async = t % 4 < 2;
            done.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < callsPerThread; i++) {
                        byte[] reply =
                            async
                                ? c.call("Counter", ID, "increment", longRequest(1)).join()
                                : c.callBlocking("Counter", ID, "increment", longRequest(1));
                        assertTrue(readLong(reply) > 0);
                      }
                      return null;
                    }));
          }
          for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
          }
        } finally {
          pool.shutdownNow();
        }
        assertEquals(
            threads * callsPerThread,
            readLong(client.callBlocking("Counter", ID, "get", new byte[0])));
        assertEquals(1, connections.get(), "calls of one client opened several connections");
        assertEquals(0, closed.get());

        // A second client is a second connection: the count above is real.
        try (DuroClient other =
            DuroClient.builder("127.0.0.1:" + host.port())
                .keepAliveTime(Duration.ofSeconds(20))
                .keepAliveTimeout(Duration.ofSeconds(5))
                .keepAliveWithoutCalls(false)
                .build()) {
          other.callBlocking("Counter", ID, "get", new byte[0]);
          assertEquals(2, connections.get());
        }
      }
    }
  }

  @Test
  void keepaliveSettingsAreValidated() {
    DuroClient.Builder client = DuroClient.builder("127.0.0.1:1");
    assertThrows(IllegalArgumentException.class, () -> client.keepAliveTime(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> client.keepAliveTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> client.deadline(Duration.ZERO));
    DuroHost.Builder host = DuroHost.builder();
    assertThrows(
        IllegalArgumentException.class, () -> host.keepAlive(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> host.keepAlive(Duration.ofSeconds(1), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> host.permitKeepAliveTime(Duration.ofSeconds(-1)));
  }
}
