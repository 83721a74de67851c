package test;

import dev.duro.DurableObject;
import dev.duro.Rpc;
import test.other.ProtectedBase;

/** Uses protected types of its superclass: legal here, but not from generated code. */
@DurableObject
public class InaccessibleType extends ProtectedBase {
  @Rpc
  public int size(Item item) {
    return item.n();
  }

  @Rpc
  public Kind kind() {
    return Kind.A;
  }
}
