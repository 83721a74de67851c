package dev.duro.grpc;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import java.util.List;

/**
 * A hand-written binding: the transport only reads the namespace and method names, so the object
 * side is minimal (an echo).
 */
final class TestBinding implements ObjectBinding<Object> {
  /** The test counter; see {@link FakeInvoker} for what each method does. */
  static final TestBinding COUNTER =
      new TestBinding("Counter", "increment", "get", "fail", "echo", "hang", "throw");

  /** A namespace with a dotted name, to check ids do not cross namespaces. */
  static final TestBinding CART = new TestBinding("shop.Cart", "increment", "get");

  private final String namespace;
  private final List<String> methods;

  TestBinding(String namespace, String... methods) {
    this.namespace = namespace;
    this.methods = List.of(methods);
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public Class<Object> objectClass() {
    return Object.class;
  }

  @Override
  public List<String> methodNames() {
    return methods;
  }

  @Override
  public List<String> fieldNames() {
    return List.of();
  }

  @Override
  public Object newInstance(ObjectContext context) {
    return new Object();
  }

  @Override
  public Invocation<Object> decode(String method, byte[] request) {
    if (!methods.contains(method)) {
      throw new UnknownMethodException(
          "Namespace " + namespace + " has no method '" + method + "'");
    }
    return object -> request.clone();
  }

  @Override
  public void writeFields(Object object, FieldSink sink) {}

  @Override
  public void readFields(Object object, FieldSource source) {}

  @Override
  public void onActivate(Object object) {}

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(Object object, AlarmInfo info) {}
}
