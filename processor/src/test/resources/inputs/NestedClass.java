package test;

import dev.duro.*;

public class NestedClass {
  @DurableObject
  public static class Inner {
    @Rpc public long get() { return 1; }
  }
}
