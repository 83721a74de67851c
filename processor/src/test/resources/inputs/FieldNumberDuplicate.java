package test;

import dev.duro.DurableObject;
import dev.duro.Field;
import dev.duro.Rpc;

@DurableObject
public class FieldNumberDuplicate {
  record Pair(long a, @Field(1) long b) {}

  @Rpc
  public void put(Pair pair) {}
}
