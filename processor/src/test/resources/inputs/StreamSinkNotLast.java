package test;

import dev.duro.*;

@DurableObject
public class StreamSinkNotLast {
  @Rpc
  public void join(
      EventSink<String> events,
      String user) {}
}
