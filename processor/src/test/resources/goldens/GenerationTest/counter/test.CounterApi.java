package test;

import dev.duro.DuroException;
import dev.duro.RemoteFailureException;
import dev.duro.binding.DuroGenerated;
import javax.annotation.processing.Generated;

/**
 * The methods of durable object class {@link Counter}, namespace {@code "Counter"}, as its callers
 * see them: implemented by {@link CounterStub}, which calls the object.
 *
 * <p>Depend on this interface where a test should be able to hand in a fake: implement it (or, if
 * it has one method, write a lambda), and serve a namespace with the fake through
 * {@link CounterNamespace#handler}. Implementations say their own thread-safety; the stub is
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public interface CounterApi {
  /**
   * Adds {@code by}.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  long increment(long by);

  /**
   * Calls {@link Counter#get()} on the object.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  long get();
}
