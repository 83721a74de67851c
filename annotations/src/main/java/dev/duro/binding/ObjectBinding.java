package dev.duro.binding;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.codec.CodecException;
import java.util.List;

/**
 * The generated, reflection-free bridge between a host and one {@code @DurableObject} class ({@code
 * X_Binding}). Hosts discover bindings with {@link java.util.ServiceLoader}; the processor writes
 * the {@code META-INF/services} entry.
 *
 * <p>Implementations are stateless and thread-safe; a host calls the methods that take an object
 * only from inside that object's turn.
 *
 * @param <T> the object class
 */
public interface ObjectBinding<T> {
  /** The namespace name ({@code @DurableObject} value or the class's simple name). */
  String namespace();

  /** The object class. */
  Class<T> objectClass();

  /** The names of the {@code @Rpc} methods, in declaration order. */
  List<String> methodNames();

  /** The names of the {@code @Persist} fields, in declaration order. */
  List<String> fieldNames();

  /**
   * Constructs a new instance (the context is passed if the constructor takes one) and assigns its
   * {@link dev.duro.DurableMap} fields, which read the context's storage only when used.
   */
  T newInstance(ObjectContext context);

  /**
   * Decodes a request for {@code method}.
   *
   * @throws UnknownMethodException if the class has no such {@code @Rpc} method
   * @throws CodecException if {@code request} is malformed
   */
  Invocation<T> decode(String method, byte[] request);

  /**
   * Whether {@code method} is a streaming {@code @Rpc} method (its last parameter an {@link
   * dev.duro.EventSink}); such methods are decoded by {@link #decodeStream}, the others by {@link
   * #decode}. False for unknown names.
   */
  default boolean isStream(String method) {
    return false;
  }

  /**
   * Decodes a request for the streaming method {@code method}.
   *
   * @throws UnknownMethodException if the class has no such streaming {@code @Rpc} method
   * @throws CodecException if {@code request} is malformed
   */
  default StreamInvocation<T> decodeStream(String method, byte[] request) {
    throw new UnknownMethodException(
        "No streaming @Rpc method '" + method + "' in " + objectClass().getName());
  }

  /** Encodes every {@code @Persist} field of {@code object} into {@code sink}. */
  void writeFields(T object, FieldSink sink);

  /**
   * Sets every {@code @Persist} field of {@code object} from {@code source}; a field the source has
   * no value for is set to its type's default.
   *
   * @throws CodecException if a stored value is malformed
   */
  void readFields(T object, FieldSource source);

  /** Runs the {@code @OnActivate} method, if any. */
  void onActivate(T object) throws Exception;

  /** Whether the class has an {@code @Alarm} method. */
  boolean hasAlarm();

  /** Runs the {@code @Alarm} method; does nothing if there is none. */
  void fireAlarm(T object, AlarmInfo info) throws Exception;
}
