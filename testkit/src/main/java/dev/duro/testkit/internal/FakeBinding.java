package dev.duro.testkit.internal;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallHandler;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.binding.StreamInvocation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A binding that serves a namespace with a fake: either one hand-written instance of the real
 * object class, dispatched through the real generated binding (so requests are decoded and replies
 * encoded exactly as in production), or a {@link CallHandler} given the raw request (a generated
 * {@code XNamespace.handler(XApi)} decodes and encodes as the binding does). A fake has no
 * {@code @Persist} fields, no activation hook and no alarm: it keeps its own state in memory.
 */
public final class FakeBinding implements ObjectBinding<Object> {
  private final String namespace;
  private final @Nullable ObjectBinding<Object> real;
  private final @Nullable Object instance;
  private final @Nullable CallHandler handler;

  private FakeBinding(
      String namespace,
      @Nullable ObjectBinding<Object> real,
      @Nullable Object instance,
      @Nullable CallHandler handler) {
    this.namespace = namespace;
    this.real = real;
    this.instance = instance;
    this.handler = handler;
  }

  /**
   * Every object of {@code real}'s namespace is {@code instance}.
   *
   * @throws IllegalArgumentException if {@code instance} is not of the real object class
   */
  @SuppressWarnings("unchecked")
  public static FakeBinding ofInstance(ObjectBinding<?> real, Object instance) {
    if (!real.objectClass().isInstance(instance)) {
      throw new IllegalArgumentException(
          "A fake for namespace "
              + real.namespace()
              + " must be an instance of "
              + real.objectClass().getName()
              + " (for example a subclass overriding its @Rpc methods); got "
              + instance.getClass().getName()
              + ". For an implementation of the generated API interface, pass"
              + " XNamespace.handler(impl) instead.");
    }
    return new FakeBinding(real.namespace(), (ObjectBinding<Object>) real, instance, null);
  }

  /** Every call to {@code namespace} goes to {@code handler}; {@code real} checks method names. */
  @SuppressWarnings("unchecked")
  public static FakeBinding ofHandler(
      String namespace, @Nullable ObjectBinding<?> real, CallHandler handler) {
    return new FakeBinding(namespace, (ObjectBinding<Object>) real, null, handler);
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Object> objectClass() {
    return real != null ? real.objectClass() : (Class<Object>) (Class<?>) CallHandler.class;
  }

  @Override
  public List<String> methodNames() {
    return real != null ? real.methodNames() : List.of();
  }

  @Override
  public List<String> fieldNames() {
    return List.of();
  }

  @Override
  public Object newInstance(ObjectContext context) {
    // A handler fake's "instance" is the context: its invocation needs the object's id.
    return instance != null ? instance : context;
  }

  @Override
  public Invocation<Object> decode(String method, byte[] request) {
    if (instance != null) {
      Invocation<Object> real = this.real.decode(method, request);
      Object fake = instance;
      return ignored -> real.invoke(fake);
    }
    if (real != null && !real.methodNames().contains(method)) {
      throw new UnknownMethodException(
          "No method '" + method + "' in namespace " + namespace + "; it has " + methodNames());
    }
    CallHandler h = handler;
    byte[] copy = request.clone();
    return o -> {
      byte[] reply = h.handle(((ObjectContext) o).id(), method, copy);
      return reply == null ? new byte[0] : reply;
    };
  }

  @Override
  public boolean isStream(String method) {
    return real != null && real.isStream(method);
  }

  @Override
  public StreamInvocation<Object> decodeStream(String method, byte[] request) {
    if (instance != null) {
      StreamInvocation<Object> real = this.real.decodeStream(method, request);
      Object fake = instance;
      return (ignored, sink) -> real.invoke(fake, sink);
    }
    if (isStream(method)) {
      throw new UnknownMethodException(
          "Method '"
              + method
              + "' of namespace "
              + namespace
              + " is a streaming method, and a CallHandler fake serves unary calls only; fake the"
              + " namespace with an instance of its object class to serve streams");
    }
    throw new UnknownMethodException(
        "No streaming method '" + method + "' in namespace " + namespace);
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

  @Override
  public String toString() {
    return "Fake[" + namespace + (instance != null ? " = " + instance : "") + "]";
  }
}
