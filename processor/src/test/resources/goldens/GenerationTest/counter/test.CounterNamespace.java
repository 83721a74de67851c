package test;

import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.binding.DuroGenerated;
import dev.duro.binding.Invoker;
import javax.annotation.processing.Generated;

/**
 * The objects of durable object class {@link Counter}, namespace {@code "Counter"}: makes their ids
 * and {@link CounterStub}s.
 *
 * <p>Making ids and stubs is local: no call is made until a stub method is invoked. Immutable and
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public final class CounterNamespace extends Namespace<CounterStub> {
  /**
   * The namespace name.
   */
  public static final String NAME = "Counter";

  private CounterNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  /**
   * The namespace as reached through {@code invoker}: a client, a test kit, or another object's
   * context.
   *
   * @throws NullPointerException if {@code invoker} is null
   */
  public static CounterNamespace of(Invoker invoker) {
    return new CounterNamespace(invoker);
  }

  @Override
  protected CounterStub newStub(ObjectId id) {
    return new CounterStub(invoker(), id);
  }
}
