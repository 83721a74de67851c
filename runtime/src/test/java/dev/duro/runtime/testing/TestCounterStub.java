package dev.duro.runtime.testing;

import dev.duro.ObjectId;
import dev.duro.binding.Invoker;
import dev.duro.codec.ProtoWriter;
import java.util.concurrent.CompletableFuture;

/**
 * Hand-written stub of {@link TestCounter}, shaped like a generated one: blocking methods throw
 * {@link dev.duro.DuroException}s; {@link #async()} returns futures.
 */
public final class TestCounterStub {
  private final Invoker invoker;
  private final ObjectId id;
  private final Async async = new Async();

  TestCounterStub(Invoker invoker, ObjectId id) {
    this.invoker = invoker;
    this.id = id;
  }

  public ObjectId id() {
    return id;
  }

  public Async async() {
    return async;
  }

  private byte[] call(String method, byte[] request) {
    return invoker.callBlocking(TestCounter.NAMESPACE, id, method, request);
  }

  private static byte[] none() {
    return new byte[0];
  }

  private static byte[] int64s(long... values) {
    ProtoWriter w = new ProtoWriter();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        w.writeInt64(i + 1, values[i]);
      }
    }
    return w.toByteArray();
  }

  private static byte[] strings(String... values) {
    ProtoWriter w = new ProtoWriter();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        w.writeString(i + 1, values[i]);
      }
    }
    return w.toByteArray();
  }

  static long int64(byte[] reply) {
    return new TestCounter_Binding.Args(reply).int64(1);
  }

  static String string(byte[] reply) {
    return new TestCounter_Binding.Args(reply).string(1);
  }

  public long increment(long by) {
    return int64(call("increment", int64s(by)));
  }

  public long get() {
    return int64(call("get", none()));
  }

  public long incrementThenFail(long by) {
    return int64(call("incrementThenFail", int64s(by)));
  }

  public void setNote(String note) {
    call("setNote", strings(note));
  }

  public String note() {
    return string(call("note", none()));
  }

  public void put(String key, String value) {
    call("put", strings(key, value));
  }

  public String read(String key) {
    return string(call("read", strings(key)));
  }

  public boolean remove(String key) {
    return int64(call("remove", strings(key))) != 0;
  }

  public String putReadDelete(String key, String value) {
    return string(call("putReadDelete", strings(key, value)));
  }

  public void putSized(int keyLength, int valueLength) {
    call("putSized", int64s(keyLength, valueLength));
  }

  public void setAlarm(long epochMillis) {
    call("setAlarm", int64s(epochMillis));
  }

  public long alarm() {
    return int64(call("alarm", none()));
  }

  public void deleteAlarm() {
    call("deleteAlarm", none());
  }

  public void failAlarms(int n) {
    call("failAlarms", int64s(n));
  }

  public void rearmOnAlarm(long delayMillis) {
    call("rearmOnAlarm", int64s(delayMillis));
  }

  public String alarmAttempts() {
    String s = string(call("alarmAttempts", none()));
    return s == null ? "" : s;
  }

  public int alarmsFired() {
    return (int) int64(call("alarmsFired", none()));
  }

  public String activationLog() {
    return string(call("activationLog", none()));
  }

  public String myName() {
    String s = string(call("myName", none()));
    return s == null ? "" : s;
  }

  public long now() {
    return int64(call("now", none()));
  }

  public void leakContext() {
    call("leakContext", none());
  }

  public void await(String latch) {
    call("await", strings(latch));
  }

  @Override
  public String toString() {
    return "TestCounterStub[" + id + "]";
  }

  /** Asynchronous view: futures complete with a DuroException on failure. */
  public final class Async {
    public CompletableFuture<Long> increment(long by) {
      return invoker
          .call(TestCounter.NAMESPACE, id, "increment", int64s(by))
          .thenApply(TestCounterStub::int64);
    }

    public CompletableFuture<Long> get() {
      return invoker
          .call(TestCounter.NAMESPACE, id, "get", none())
          .thenApply(TestCounterStub::int64);
    }

    public CompletableFuture<Void> put(String key, String value) {
      return invoker
          .call(TestCounter.NAMESPACE, id, "put", strings(key, value))
          .thenApply(r -> null);
    }

    public CompletableFuture<String> read(String key) {
      return invoker
          .call(TestCounter.NAMESPACE, id, "read", strings(key))
          .thenApply(TestCounterStub::string);
    }

    public CompletableFuture<Void> await(String latch) {
      return invoker.call(TestCounter.NAMESPACE, id, "await", strings(latch)).thenApply(r -> null);
    }
  }
}
