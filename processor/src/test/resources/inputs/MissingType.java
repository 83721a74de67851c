package test;

import dev.duro.*;

@DurableObject
public class MissingType {
  @Rpc public long size(Missing what) { return 1; }
}
