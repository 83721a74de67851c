package test;

import dev.duro.*;

@DurableObject
public class OnActivateReturnType {
  @OnActivate String start() { return "started"; }
}
