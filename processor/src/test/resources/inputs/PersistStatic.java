package test;

import dev.duro.*;

@DurableObject
public class PersistStatic {
  @Persist static long count;

  @Rpc public long get() { return count; }
}
