package dev.duro.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.duro.grpc.schema.InventoryNamespace;
import dev.duro.grpc.schema.Inventory_Binding;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gRPC reflection on a real host: the object service compiled by the processor is listed and
 * described by its generated schema; a hand-written binding without a schema is listed nowhere.
 */
class ReflectionTest {
  @TempDir Path data;

  @Test
  void reflectionListsAndDescribesProcessorCompiledObjects() throws Exception {
    try (DuroHost host =
        DuroHost.builder()
            .dataDirectory(data)
            .port(0)
            .bindings(List.of(new Inventory_Binding(), new DurableCounter.Binding()))
            .build()
            .start()) {
      ManagedChannel channel =
          ManagedChannelBuilder.forAddress("127.0.0.1", host.port()).usePlaintext().build();
      try {
        ServerReflectionResponse list =
            ask(channel, ServerReflectionRequest.newBuilder().setListServices("*").build());
        List<String> services =
            list.getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName)
                .sorted()
                .collect(Collectors.toList());
        // Counter's hand-written binding has no schema, so reflection cannot list it.
        assertEquals(
            List.of(
                "grpc.health.v1.Health",
                "grpc.reflection.v1.ServerReflection",
                InventoryNamespace.NAME),
            services);

        ServerReflectionResponse file =
            ask(
                channel,
                ServerReflectionRequest.newBuilder()
                    .setFileContainingSymbol("store.Inventory")
                    .build());
        FileDescriptorProto proto =
            FileDescriptorProto.parseFrom(
                file.getFileDescriptorResponse().getFileDescriptorProto(0));
        assertEquals("dev/duro/grpc/schema/Inventory.proto", proto.getName());
        assertEquals("store", proto.getPackage());
        ServiceDescriptorProto service = proto.getService(0);
        assertEquals("Inventory", service.getName());
        assertEquals(
            List.of(
                "put:.store.PutRequest:.store.PutResponse",
                "all:.store.AllRequest:.store.AllResponse"),
            service.getMethodList().stream()
                .map(ReflectionTest::describe)
                .collect(Collectors.toList()));
        assertTrue(
            proto.getDependencyList().contains("google/protobuf/timestamp.proto"),
            proto.getDependencyList().toString());
      } finally {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String describe(MethodDescriptorProto m) {
    return m.getName() + ":" + m.getInputType() + ":" + m.getOutputType();
  }

  private static ServerReflectionResponse ask(
      ManagedChannel channel, ServerReflectionRequest request) throws Exception {
    CompletableFuture<ServerReflectionResponse> reply = new CompletableFuture<>();
    List<ServerReflectionResponse> all = new ArrayList<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse value) {
                    all.add(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    reply.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    reply.complete(all.get(0));
                  }
                });
    requests.onNext(request);
    requests.onCompleted();
    ServerReflectionResponse response = reply.get(30, TimeUnit.SECONDS);
    assertTrue(!response.hasErrorResponse(), response.getErrorResponse().toString());
    return response;
  }
}
