package test;

import dev.duro.*;

@DurableObject
public class GenericClass<T> {
  @Rpc public long get() { return 1; }
}
