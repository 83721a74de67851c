package test;

import dev.duro.*;
import java.util.Map;

@DurableObject("many problems")
public class ManyProblems {
  @Persist private long hidden;
  @Persist final String fixed = "x";

  @Rpc private long secret() { return hidden; }
  @Rpc public long secret(long plus) { return plus; }
  @Rpc public long lookup(Map<String, Thread> table) { return table.size(); }

  @Alarm void first() {}
  @Alarm long second() { return 1; }
}
