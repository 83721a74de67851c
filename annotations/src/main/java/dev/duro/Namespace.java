package dev.duro;

import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;

/**
 * The objects of one {@link DurableObject} class, as seen by a caller: makes ids and typed stubs.
 * Each class gets a generated subclass {@code XNamespace} with a static {@code of(Invoker)}
 * factory; the invoker is a {@code DuroClient}, a test kit, or another object's context.
 *
 * <p>Making ids and stubs is local and cheap: no call is made until a stub method is invoked, and
 * the object is activated only then. Instances are immutable and thread-safe.
 *
 * @param <S> the generated stub type
 */
public abstract class Namespace<S> {
  private final NamespaceKey key;
  private final Invoker invoker;

  /** For generated subclasses. */
  protected Namespace(String name, Invoker invoker) {
    if (invoker == null) {
      throw new NullPointerException("invoker");
    }
    this.key = NamespaceKey.of(name);
    this.invoker = invoker;
  }

  /** The namespace name: the {@link DurableObject#value()} of the class. */
  public final String name() {
    return key.namespace();
  }

  /** The invoker stubs of this namespace call through. */
  protected final Invoker invoker() {
    return invoker;
  }

  /**
   * The id for {@code name}: the same name always gives the same id in this namespace, and a
   * different id in any other. The returned id remembers its name.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public final ObjectId idFromName(String name) {
    return key.idFromName(name);
  }

  /** A new random id, never equal to any named id or any earlier unique id. */
  public final ObjectId newUniqueId() {
    return key.newUniqueId();
  }

  /**
   * Parses an id printed by {@link ObjectId#toString()}.
   *
   * @throws IllegalArgumentException with message {@code "Invalid object id: must be 64 hex
   *     digits..."} if {@code id} is not 64 hex digits, or {@code "Object id ... is not valid for
   *     namespace ..."} if it was made by another namespace
   */
  public final ObjectId idFromString(String id) {
    return key.idFromString(id);
  }

  /**
   * A stub for the object {@code id}. No call is made.
   *
   * @throws IllegalArgumentException if {@code id} was made by another namespace
   */
  public final S get(ObjectId id) {
    key.check(id);
    return newStub(id);
  }

  /** A stub for the object named {@code name}; same as {@code get(idFromName(name))}. */
  public final S get(String name) {
    return newStub(idFromName(name));
  }

  /** Creates the generated stub; {@code id} is already known to belong to this namespace. */
  protected abstract S newStub(ObjectId id);

  @Override
  public String toString() {
    return "Namespace[" + name() + "]";
  }
}
