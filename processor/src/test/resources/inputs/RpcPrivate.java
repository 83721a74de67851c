package test;

import dev.duro.*;

@DurableObject
public class RpcPrivate {
  @Rpc public long visible() { return 1; }
  @Rpc private long secret() { return 2; }
}
