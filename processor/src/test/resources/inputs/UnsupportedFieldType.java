package test;

import dev.duro.*;
import java.time.Instant;

@DurableObject
public class UnsupportedFieldType {
  @Persist
  java.util.Map<Double, Instant> scores;
}
