package test;

import dev.duro.*;

@DurableObject
public class StreamSinkDuplicate {
  @Rpc
  public void join(
      EventSink<String> first,
      String user,
      EventSink<String> second) {}
}
