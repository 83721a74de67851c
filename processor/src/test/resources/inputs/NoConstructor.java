package test;

import dev.duro.*;

@DurableObject
public class NoConstructor {
  private NoConstructor() {}

  public NoConstructor(String name) {}

  NoConstructor(ObjectContext context, String name) {}
}
