package dev.duro.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.UnknownMethodException;
import dev.duro.binding.NamespaceKey;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuroGrpcServicesTest {
  private final FakeInvoker invoker = new FakeInvoker();

  @AfterEach
  void stop() throws Exception {
    invoker.close();
  }

  @Test
  void oneServicePerNamespaceOneUnaryMethodPerRpc() {
    List<ServerServiceDefinition> services =
        DuroGrpcServices.create(invoker, List.of(TestBinding.COUNTER, TestBinding.CART));

    assertEquals(2, services.size());
    ServerServiceDefinition cart = services.get(1);
    assertEquals("shop.Cart", cart.getServiceDescriptor().getName());
    assertEquals(
        List.of("shop.Cart/get", "shop.Cart/increment"),
        cart.getMethods().stream()
            .map(m -> m.getMethodDescriptor().getFullMethodName())
            .sorted()
            .collect(Collectors.toList()));
    for (var method : cart.getMethods()) {
      assertEquals(MethodDescriptor.MethodType.UNARY, method.getMethodDescriptor().getType());
    }
    assertEquals(0, invoker.calls.get());
  }

  @Test
  void namespaceBoundTwiceIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DuroGrpcServices.create(
                    invoker, List.of(TestBinding.COUNTER, new TestBinding("Counter", "get"))));
    assertTrue(e.getMessage().contains("Namespace Counter is bound twice"), e.getMessage());
  }

  @Test
  void invalidNamespaceOrDuplicateMethodIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DuroGrpcServices.create(invoker, List.of(new TestBinding("not valid", "get"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> DuroGrpcServices.create(invoker, List.of(new TestBinding("Twice", "get", "get"))));
  }

  @Test
  void objectWithoutRpcMethodsIsServedAndAnswersUnknownMethod() throws Exception {
    try (InProcessFixture fx =
        new InProcessFixture(List.of(TestBinding.COUNTER, new TestBinding("Timer")))) {
      var id = NamespaceKey.of("Timer").idFromName("t");

      assertThrows(
          UnknownMethodException.class,
          () -> fx.client.callBlocking("Timer", id, "tick", new byte[0]));
      assertEquals(0, fx.invoker.calls.get());
    }
  }
}
