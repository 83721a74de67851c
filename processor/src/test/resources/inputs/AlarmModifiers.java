package test;

import dev.duro.*;

@DurableObject
public class AlarmModifiers {
  @Alarm private static void ring() {}
}
