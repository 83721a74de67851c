package test;

import dev.duro.*;

@DurableObject
public class PersistPrivate {
  @Persist private long count;

  @Rpc public long get() { return count; }
}
