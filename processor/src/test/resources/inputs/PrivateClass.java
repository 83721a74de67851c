package test;

import dev.duro.*;

public class PrivateClass {
  @DurableObject
  private static class Hidden {
    @Rpc public long get() { return 1; }
  }
}
