package test;

import dev.duro.*;

@DurableObject
public class AlarmDuplicate {
  @Alarm void first() {}
  @Alarm void second(AlarmInfo info) {}
}
