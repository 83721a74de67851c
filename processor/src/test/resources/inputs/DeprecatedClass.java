package test;

import dev.duro.*;

/** A deprecated class: the binding names it everywhere, and must still compile without warnings. */
@Deprecated(forRemoval = true)
@DurableObject
public class DeprecatedClass {
  @Persist long count;

  @Rpc
  public long get() {
    return count;
  }
}
