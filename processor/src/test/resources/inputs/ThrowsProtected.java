package test;

import dev.duro.DurableObject;
import dev.duro.Rpc;
import test.other.ProtectedBase;

/** Declares an exception type its stub cannot name: the stub leaves it out. */
@DurableObject
public class ThrowsProtected extends ProtectedBase {
  @Rpc
  public void go() throws Refused {
    throw new Refused("no");
  }
}
