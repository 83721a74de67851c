package test;

import dev.duro.*;
import java.io.IOException;

@DurableObject
public class ConstructorThrows {
  public ConstructorThrows(ObjectContext context) throws IOException, IllegalStateException {}
}
