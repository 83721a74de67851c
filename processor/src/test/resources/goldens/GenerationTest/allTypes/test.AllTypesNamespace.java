package test;

import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import javax.annotation.processing.Generated;

/**
 * The objects of durable object class {@link AllTypes}, namespace {@code "AllTypes"}: makes their
 * ids and {@link AllTypesStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class AllTypesNamespace extends Namespace<AllTypesStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "AllTypes";

  private AllTypesNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static AllTypesNamespace of(Invoker invoker) {
    return new AllTypesNamespace(invoker);
  }

  @Override
  protected AllTypesStub newStub(ObjectId id) {
    return new AllTypesStub(invoker(), id);
  }
}
