package test;

import dev.duro.*;

@DurableObject
public class PersistFinal {
  @Persist final long count = 1;

  @Rpc public long get() { return count; }
}
