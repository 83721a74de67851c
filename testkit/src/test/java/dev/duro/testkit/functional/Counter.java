package dev.duro.testkit.functional;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;

/** The counter of DESIGN.md, compiled by the real annotation processor. */
@DurableObject("Counter")
public class Counter {
  @Persist long count;
  private final ObjectContext ctx;

  public Counter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Adds {@code by} and (re)sets the expiry alarm. */
  @Rpc
  public long increment(long by) {
    count += by;
    ctx.alarm().setIn(Duration.ofMinutes(1));
    return count;
  }

  @Rpc
  public long get() {
    return count;
  }

  @Rpc
  public long failAfter(long by) {
    count += by;
    throw new IllegalArgumentException("no " + by);
  }

  @Alarm
  void expire(AlarmInfo info) {
    count = 0;
  }
}
