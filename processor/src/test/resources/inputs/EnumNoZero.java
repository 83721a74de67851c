package test;

import dev.duro.DurableObject;
import dev.duro.Field;
import dev.duro.Rpc;

@DurableObject
public class EnumNoZero {
  enum Level { @Field(1) LOW, @Field(2) HIGH }

  @Rpc
  public void set(Level level) {}
}
