package test;

import dev.duro.*;

@DurableObject
public class RpcStatic {
  @Rpc public static long shared() { return 1; }
}
