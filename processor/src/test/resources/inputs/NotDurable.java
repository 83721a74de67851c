package test;

import dev.duro.Alarm;
import dev.duro.OnActivate;
import dev.duro.Persist;
import dev.duro.Rpc;

/** Forgot @DurableObject: every Duro member annotation is reported. */
public class NotDurable {
  @Persist long count;

  @Rpc
  public long get() {
    return count;
  }

  @Alarm
  void ring() {}

  @OnActivate
  void wake() {}
}
