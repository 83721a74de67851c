package dev.duro.runtime.testing;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;

/** A second, minimal test object: one {@code byte[]} field and no {@code @Alarm} method. */
@DurableObject(TestRegister.NAMESPACE)
public class TestRegister {
  public static final String NAMESPACE = "test.Register";

  @Persist byte[] value;

  private final ObjectContext ctx;

  public TestRegister(ObjectContext ctx) {
    this.ctx = ctx;
  }

  @Rpc
  public void set(byte[] value) {
    this.value = value;
  }

  @Rpc
  public byte[] get() {
    return value;
  }

  /** Always throws: this class has no {@code @Alarm} method. */
  @Rpc
  public void setAlarmIn(long millis) {
    ctx.alarm().setIn(Duration.ofMillis(millis));
  }
}
