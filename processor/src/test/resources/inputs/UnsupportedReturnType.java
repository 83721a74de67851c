package test;

import dev.duro.*;

@DurableObject
public class UnsupportedReturnType {
  @Rpc
  public Object snapshot(long at) {
    return at;
  }
}
