package test;

import dev.duro.*;

@DurableObject
public class StreamEventTypes {
  @Rpc
  @SuppressWarnings("rawtypes")
  public void raw(EventSink events) {}

  @Rpc
  public void wildcard(EventSink<?> events) {}

  @Rpc
  public void thread(EventSink<Thread> events) {}

  @Rpc
  public void nothing(EventSink<Void> events) {}
}
