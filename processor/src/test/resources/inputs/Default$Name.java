package test;

import dev.duro.*;

@DurableObject
public class Default$Name {
  @Rpc public long get() { return 1; }
}
