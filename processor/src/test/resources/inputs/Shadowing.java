package test;

import dev.duro.*;

/** Parameter names that clash with names the generated code uses itself. */
@DurableObject
public class Shadowing {
  @Rpc public long call(long invoker, long id, long writer, long reader, long tag, long request) {
    return invoker + id + writer + reader + tag + request;
  }

  @Rpc public void store(String object, String EMPTY, String value) {}

  @Rpc public long noArgs() { return 7; }

  @Rpc public long encodeNoArgs(long async) { return async; }

  @Rpc public long NoArgs() { return 8; }

  @Rpc public long handle(long impl, long value, long method, long timeout) {
    return impl + value + method + timeout;
  }

  @Rpc public void listen(String object, String sink, String request, EventSink<String> events) {}
}
