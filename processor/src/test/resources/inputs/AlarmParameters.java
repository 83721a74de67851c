package test;

import dev.duro.*;

@DurableObject
public class AlarmParameters {
  @Alarm void ring(AlarmInfo info, String why) {}
}
