package test;

import dev.duro.*;

@DurableObject
public interface NotAClassInterface {
  @Rpc long get();
}
