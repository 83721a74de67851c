package test;

import dev.duro.*;

@DurableObject
public class RpcOverloaded {
  @Rpc public long get() { return 1; }
  @Rpc public long get(long plus) { return 1 + plus; }
}
