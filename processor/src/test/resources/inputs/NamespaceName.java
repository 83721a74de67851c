package test;

import dev.duro.*;

@DurableObject(
    "shopping cart")
public class NamespaceName {
  @Rpc public long get() { return 1; }
}
