package test;

import dev.duro.*;

@DurableObject
public class AlarmReturnType {
  @Alarm boolean ring() { return true; }
}
