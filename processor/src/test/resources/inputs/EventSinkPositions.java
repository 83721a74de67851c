package test;

import dev.duro.*;
import java.util.List;
import java.util.Map;

/** An EventSink anywhere but as the last parameter of an @Rpc method is not a value. */
@DurableObject
public class EventSinkPositions {
  record Holder(EventSink<String> sink) {}

  @Persist EventSink<String> persisted;

  @Persist Map<String, EventSink<String>> members;

  DurableMap<String, EventSink<String>> stored;

  /** Fine: a plain field keeps sinks in memory. */
  EventSink<String> plain;

  @Rpc
  public EventSink<String> returned() {
    return null;
  }

  @Rpc
  public void listed(List<EventSink<String>> sinks) {}

  @Rpc
  public void held(Holder holder) {}
}
