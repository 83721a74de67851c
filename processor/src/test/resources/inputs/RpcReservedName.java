package test;

import dev.duro.*;

@DurableObject
public class RpcReservedName {
  @Rpc public String id() { return "mine"; }
}
