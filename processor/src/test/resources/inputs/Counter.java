package test;

import dev.duro.*;
import java.time.Duration;

@DurableObject("Counter")
public class Counter {
  @Persist long count;
  private final ObjectContext ctx;

  public Counter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Adds {@code by}. */
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

  @Alarm
  void expire(AlarmInfo info) {
    count = 0;
  }
}
