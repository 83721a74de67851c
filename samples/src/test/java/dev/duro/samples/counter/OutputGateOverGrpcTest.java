package dev.duro.samples.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroGrpcServices;
import dev.duro.runtime.ObjectRuntime;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ControllableStorageEngine;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The output gate seen by a real gRPC client: while the storage engine holds the commit of an
 * increment, the client is still waiting for its reply, and so is a later read of the same object
 * (which already saw the pending value).
 */
class OutputGateOverGrpcTest {
  @Test
  void clientWaitsUntilTheCommitIsDurable() throws Exception {
    ControllableStorageEngine storage = new ControllableStorageEngine(StorageEngine.inMemory());
    try (ObjectRuntime runtime =
        ObjectRuntime.builder().storage(storage).bindings(List.of(new Counter_Binding())).build()) {
      ServerBuilder<?> sb =
          Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).directExecutor();
      DuroGrpcServices.create(runtime.invoker(), runtime.bindings()).forEach(sb::addService);
      Server server = sb.build().start();
      try (DuroClient client = DuroClient.connect("localhost:" + server.getPort())) {
        CounterStub c = CounterNamespace.of(client).get("gated");
        assertEquals(1, c.increment(1));

        ControllableStorageEngine.Gate gate = storage.blockNextApply();
        CompletableFuture<Long> increment =
            CompletableFuture.supplyAsync(() -> c.increment(1)); // blocking stub, other thread
        gate.awaitEntered();
        CompletableFuture<Long> read = c.async().get();
        Thread.sleep(200); // give a wrongly released reply time to arrive
        assertFalse(increment.isDone(), "reply released before its commit was durable");
        assertFalse(read.isDone(), "a read of pending state was released before it was durable");

        gate.release();
        assertEquals(2, increment.get(30, TimeUnit.SECONDS));
        assertEquals(2, read.get(30, TimeUnit.SECONDS));
        assertTrue(storage.batchesApplied() >= 2);
      } finally {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }
}
