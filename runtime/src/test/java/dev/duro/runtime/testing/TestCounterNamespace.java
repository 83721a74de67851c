package dev.duro.runtime.testing;

import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.binding.Invoker;

/** Hand-written namespace of {@link TestCounter}, shaped like a generated one. */
public final class TestCounterNamespace extends Namespace<TestCounterStub> {
  public static final String NAME = TestCounter.NAMESPACE;

  private TestCounterNamespace(Invoker invoker) {
    super(NAME, invoker);
  }

  public static TestCounterNamespace of(Invoker invoker) {
    return new TestCounterNamespace(invoker);
  }

  @Override
  protected TestCounterStub newStub(ObjectId id) {
    return new TestCounterStub(invoker(), id);
  }
}
