package test;

import dev.duro.*;

/** Refers to a type that another processor generates in the first round. */
@DurableObject
public class Deferred {
  @Rpc
  public long get() throws LaterException {
    return 1;
  }
}
