package test;

import dev.duro.*;

@DurableObject
public class GenericMethod {
  @Rpc public <T> long get() { return 1; }
}
