package dev.duro.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A plain gRPC server, not a Duro host: service {@code Bare}, method {@code m} fails with the
 * status code in request byte 0 and no Duro trailers (with an unknown {@code duro-error-kind} if
 * byte 1 is {@code 0xff}).
 */
final class BareServer implements AutoCloseable {
  final Server server;
  final ManagedChannel channel;

  BareServer() throws IOException {
    String name = InProcessServerBuilder.generateName();
    var method = ErrorMappingTest.rawMethod("Bare/m");
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(
                ServiceDescriptor.newBuilder("Bare").addMethod(method).build())
            .addMethod(
                method,
                ServerCalls.asyncUnaryCall(
                    (request, reply) -> {
                      Status.Code code = Status.fromCodeValue(request[0]).getCode();
                      Metadata trailers = new Metadata();
                      if (request.length > 1 && request[1] == (byte) 0xff) {
                        trailers.put(ErrorMappingTest.key("duro-error-kind"), "from-the-future");
                      }
                      reply.onError(
                          code.toStatus()
                              .withDescription("bare " + code)
                              .asRuntimeException(trailers));
                    }))
            .build();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build();
    server.start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      channel.awaitTermination(10, TimeUnit.SECONDS);
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
