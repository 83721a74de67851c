package dev.duro.testkit.internal;

import dev.duro.Alarms;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.Storage;
import dev.duro.binding.Invoker;
import java.time.Instant;
import java.util.function.Function;

/**
 * The context of a copy of an object decoded from storage outside any turn: it knows who it is and
 * can make namespaces (as a constructor may), but has no turn, so the rest throws.
 */
public final class DetachedContext implements ObjectContext {
  private final String namespace;
  private final ObjectId id;
  private final Invoker invoker;

  public DetachedContext(String namespace, ObjectId id, Invoker invoker) {
    this.namespace = namespace;
    this.id = id;
    this.invoker = invoker;
  }

  @Override
  public ObjectId id() {
    return id;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public Alarms alarm() {
    throw detached();
  }

  @Override
  public Storage storage() {
    throw detached();
  }

  @Override
  public Instant now() {
    throw detached();
  }

  @Override
  public <N> N namespace(Function<? super Invoker, ? extends N> factory) {
    return factory.apply(invoker);
  }

  private IllegalStateException detached() {
    return new IllegalStateException(
        "This copy of "
            + namespace
            + "/"
            + id
            + " was read from storage by the test kit and is not in a turn; use"
            + " DuroTestKit.runInObject to run code inside the object");
  }
}
