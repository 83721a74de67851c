package test;

import dev.duro.*;

@DurableObject
public class RpcName {
  @Rpc public long price$() { return 1; }
}
