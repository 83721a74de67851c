package test;

import dev.duro.*;
import java.time.Duration;
import java.util.List;

@DurableObject
public class DurableMapProblems {
  DurableMap<Double, String> badKey;
  DurableMap<String, Thread> badValue;
  @SuppressWarnings("rawtypes") DurableMap raw;
  DurableMap<Duration, String> durationKey;
  DurableMap<List<String>, String> listKey;
  private DurableMap<String, String> hidden;
  final DurableMap<String, String> fixed = null;
  static DurableMap<String, String> shared;
  @Persist DurableMap<String, String> persisted;
  DurableMap<String, ?> wildcard;

  @Rpc public long get() { return 0; }
}
