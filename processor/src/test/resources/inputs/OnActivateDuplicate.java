package test;

import dev.duro.*;

@DurableObject
public class OnActivateDuplicate {
  @OnActivate void first() {}
  @OnActivate void second() {}
}
