package test;

import dev.duro.*;
import java.util.List;

@DurableObject
public class UnsupportedParameterType {
  @Rpc
  public long add(
      long fine,
      List<Thread> names) {
    return fine + names.size();
  }
}
