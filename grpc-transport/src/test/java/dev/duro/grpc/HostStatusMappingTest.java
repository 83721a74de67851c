package dev.duro.grpc;

import static dev.duro.grpc.CallObserver.await;
import static dev.duro.grpc.GateObject.GATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status mapping on a real host, each refused call shown not to have run: overload is
 * {@code RESOURCE_EXHAUSTED}, an unknown service or method {@code UNIMPLEMENTED}, an id of another
 * namespace {@code INVALID_ARGUMENT}.
 */
class HostStatusMappingTest {
  private static final ObjectId G = GATE.idFromName("g");
  private static final byte[] EMPTY = new byte[0];

  @TempDir Path data;

  private final GateObject.Binding gate = new GateObject.Binding();
  private final CallObserver observer = new CallObserver();
  private DuroHost host;
  private DuroClient client;

  @BeforeEach
  void start() {
    host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(gate))
            .configureRuntime(runtime -> runtime.maxQueuedTurnsPerObject(3))
            .configureServer(server -> server.intercept(observer))
            .build()
            .start();
    client = DuroClient.connect("127.0.0.1:" + host.port());
  }

  @AfterEach
  void stop() {
    gate.release.countDown();
    client.close();
    host.close();
  }

  private static Status.Code code(Exception e) {
    return assertInstanceOf(StatusRuntimeException.class, e.getCause()).getStatus().getCode();
  }

  @Test
  void aFullQueueIsResourceExhaustedAndTheRefusedCallNeverRuns() throws Exception {
    CompletableFuture<byte[]> hold = client.call("Gate", G, "hold", EMPTY);
    assertTrue(gate.holding.await(60, TimeUnit.SECONDS));
    await(observer.handed, 1, "hold handed to the runtime");
    // A limit of 3 turns: the held one and two waiting; one at a time, so the third is refused.
    List<CompletableFuture<byte[]>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calls.add(client.call("Gate", G, "mark", EMPTY));
      await(observer.handed, 1, "call " + i + " handed to the runtime");
    }
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> calls.get(2).get(60, TimeUnit.SECONDS));
    OverloadedException overloaded =
        assertInstanceOf(OverloadedException.class, refused.getCause());
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, code(overloaded));
    assertTrue(!calls.get(0).isDone() && !calls.get(1).isDone(), "accepted calls wait");

    gate.release.countDown();
    hold.get(60, TimeUnit.SECONDS);
    calls.get(0).get(60, TimeUnit.SECONDS);
    calls.get(1).get(60, TimeUnit.SECONDS);
    assertEquals(2, gate.marks.get());
  }

  @Test
  void unknownServiceAndMethodAreUnimplemented() {
    UnknownMethodException method =
        assertThrows(
            UnknownMethodException.class, () -> client.callBlocking("Gate", G, "nope", EMPTY));
    assertEquals(Status.Code.UNIMPLEMENTED, code(method));
    UnknownMethodException service =
        assertThrows(
            UnknownMethodException.class,
            () ->
                client.callBlocking(
                    "Nope", NamespaceKey.of("Nope").idFromName("x"), "mark", EMPTY));
    assertEquals(Status.Code.UNIMPLEMENTED, code(service));
    assertEquals(0, gate.marks.get());
  }

  @Test
  void anIdOfAnotherNamespaceIsInvalidArgumentAndNotRun() {
    ObjectId foreign = NamespaceKey.of("Other").idFromName("g");
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> client.callBlocking("Gate", foreign, "mark", EMPTY));
    assertEquals(Status.Code.INVALID_ARGUMENT, code(e));
    assertEquals(0, gate.marks.get());
  }
}
