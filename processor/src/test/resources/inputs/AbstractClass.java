package test;

import dev.duro.*;

@DurableObject
public abstract class AbstractClass {
  @Rpc public long get() { return 1; }
}
