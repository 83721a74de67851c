package dev.duro.runtime.testing;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.OnActivate;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A durable object exercising every runtime feature, with a hand-written binding ({@link
 * TestCounter_Binding}), stub and namespace. Non-{@code @Persist} fields (logs, failure counters)
 * live only as long as the instance, which makes activations and retries observable.
 */
@DurableObject(TestCounter.NAMESPACE)
public class TestCounter {
  public static final String NAMESPACE = "TestCounter";

  @Persist long count;
  @Persist String note;
  @Persist int alarmsFired;

  private final ObjectContext ctx;
  private final StringBuilder activationLog = new StringBuilder();
  private final StringBuilder alarmAttempts = new StringBuilder();
  private int alarmFailuresLeft;
  private long rearmDelayMillis;
  private boolean running;

  public TestCounter(ObjectContext ctx) {
    this.ctx = ctx;
    activationLog.append("constructor count=").append(count).append(';');
  }

  @OnActivate
  void activated() {
    activationLog.append("onActivate count=").append(count).append(';');
    TestHooks.onActivate(ctx.id());
  }

  /** Adds {@code by}; fails if another turn of this object is running at the same time. */
  @Rpc
  public long increment(long by) {
    if (running) {
      throw new IllegalStateException("turns overlap: increment re-entered");
    }
    running = true;
    try {
      long before = count;
      // Widen the window in which an overlapping turn would be caught.
      Thread.yield();
      count = before + by;
      return count;
    } finally {
      running = false;
    }
  }

  @Rpc
  public long get() {
    return count;
  }

  /** Changes a field, storage and the alarm, then throws: none of it may survive. */
  @Rpc
  public long incrementThenFail(long by) {
    count += by;
    note = "dirty";
    ctx.storage().put("dirty", new byte[] {1});
    ctx.alarm().setIn(Duration.ofDays(1));
    throw new IllegalStateException("boom after " + count);
  }

  @Rpc
  public void setNote(String note) {
    this.note = note;
  }

  @Rpc
  public String note() {
    return note;
  }

  @Rpc
  public void put(String key, String value) {
    ctx.storage().put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Rpc
  public String read(String key) {
    byte[] v = ctx.storage().get(key);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  @Rpc
  public boolean remove(String key) {
    return ctx.storage().delete(key);
  }

  /** Puts, reads back, deletes and reads again within one turn; returns "value|null". */
  @Rpc
  public String putReadDelete(String key, String value) {
    ctx.storage().put(key, value.getBytes(StandardCharsets.UTF_8));
    String seen = new String(ctx.storage().get(key), StandardCharsets.UTF_8);
    ctx.storage().delete(key);
    return seen + "|" + (ctx.storage().get(key) == null ? "null" : "present");
  }

  /** Stores a value of {@code valueLength} bytes under an ASCII key of {@code keyLength} chars. */
  @Rpc
  public void putSized(int keyLength, int valueLength) {
    ctx.storage().put("k".repeat(keyLength), new byte[valueLength]);
  }

  @Rpc
  public void setAlarm(long epochMillis) {
    ctx.alarm().set(Instant.ofEpochMilli(epochMillis));
  }

  /** The alarm in epoch millis, or -1. */
  @Rpc
  public long alarm() {
    return ctx.alarm().get().map(Instant::toEpochMilli).orElse(-1L);
  }

  @Rpc
  public void deleteAlarm() {
    ctx.alarm().delete();
  }

  /** Makes the next {@code n} alarm attempts of this instance throw. */
  @Rpc
  public void failAlarms(int n) {
    alarmFailuresLeft = n;
  }

  /** Makes each alarm set a new alarm {@code delayMillis} later (0: do not). */
  @Rpc
  public void rearmOnAlarm(long delayMillis) {
    rearmDelayMillis = delayMillis;
  }

  /** "retryCount@now(ms) get=<alarm as seen at start>;" per attempt of this instance. */
  @Rpc
  public String alarmAttempts() {
    return alarmAttempts.toString();
  }

  @Rpc
  public int alarmsFired() {
    return alarmsFired;
  }

  @Rpc
  public String activationLog() {
    return activationLog.toString();
  }

  /** The name this object was addressed by, or "" if none. */
  @Rpc
  public String myName() {
    return ctx.id().name().orElse("");
  }

  @Rpc
  public long now() {
    return ctx.now().toEpochMilli();
  }

  /** Hands this object's context to the test (see {@link TestHooks#leakedContext}). */
  @Rpc
  public void leakContext() {
    TestHooks.leak(ctx);
  }

  /** Blocks the turn until the test releases {@link TestHooks#latch}{@code (latch)}. */
  @Rpc
  public void await(String latch) throws InterruptedException {
    TestHooks.await(latch);
  }

  @Alarm
  void onAlarm(AlarmInfo info) {
    alarmAttempts
        .append(info.retryCount())
        .append('@')
        .append(ctx.now().toEpochMilli())
        .append(" get=")
        .append(ctx.alarm().get().map(i -> Long.toString(i.toEpochMilli())).orElse("empty"))
        .append(';');
    if (alarmFailuresLeft > 0) {
      alarmFailuresLeft--;
      count += 1000;
      throw new IllegalStateException("alarm failed on purpose");
    }
    alarmsFired++;
    if (rearmDelayMillis > 0) {
      ctx.alarm().setIn(Duration.ofMillis(rearmDelayMillis));
    }
  }
}
