package dev.duro.grpc;

import dev.duro.binding.ObjectBinding;
import dev.duro.grpc.internal.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An in-process Duro server over a {@link FakeInvoker}, and a client and a raw channel to it. */
final class InProcessFixture implements AutoCloseable {
  final FakeInvoker invoker = new FakeInvoker();
  final GrpcServer server;
  final ManagedChannel channel;
  final DuroClient client;

  InProcessFixture() throws IOException {
    this(List.of(TestBinding.COUNTER, TestBinding.CART));
  }

  InProcessFixture(List<ObjectBinding<?>> bindings) throws IOException {
    String name = InProcessServerBuilder.generateName();
    server =
        GrpcServer.create(InProcessServerBuilder.forName(name).directExecutor(), invoker, bindings);
    server.start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client = DuroClient.of(channel);
  }

  @Override
  public void close() {
    client.close();
    channel.shutdownNow();
    try {
      channel.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.shutdown(Duration.ofSeconds(10));
    invoker.close();
  }
}
