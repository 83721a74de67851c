package dev.duro.bench;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An object whose alarm records when it fired, for the alarm benchmarks. Recording goes to a static
 * queue of this JVM on purpose: the benchmark reads it without making calls that would disturb the
 * timing it measures.
 */
@DurableObject("BenchAlarm")
public class BenchAlarm {
  /** One firing: the alarm's scheduled time and the wall-clock time its turn ran. */
  record Fired(long scheduledEpochMillis, long firedEpochNanos) {
    long latenessNanos() {
      return firedEpochNanos - scheduledEpochMillis * 1_000_000L;
    }
  }

  static final ConcurrentLinkedQueue<Fired> FIRED = new ConcurrentLinkedQueue<>();

  private final ObjectContext ctx;

  public BenchAlarm(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /** Sets (or replaces) this object's alarm for {@code epochMillis}; a durable turn. */
  @Rpc
  public void arm(long epochMillis) {
    ctx.alarm().set(Instant.ofEpochMilli(epochMillis));
  }

  @Alarm
  void fire(AlarmInfo info) {
    FIRED.add(new Fired(info.scheduledTime().toEpochMilli(), WallClock.epochNanos()));
  }
}
