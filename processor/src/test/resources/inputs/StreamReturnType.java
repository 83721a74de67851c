package test;

import dev.duro.*;

@DurableObject
public class StreamReturnType {
  @Rpc
  public int join(String user, EventSink<String> events) {
    return 0;
  }
}
