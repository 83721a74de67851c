package test;

import dev.duro.*;

@DurableObject
public class OnActivateParameters {
  @OnActivate void start(ObjectContext context) {}
}
