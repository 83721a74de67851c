package test;

import dev.duro.DurableObject;
import dev.duro.Field;
import dev.duro.Rpc;

/** A record with a pinned component and an enum with a pinned constant. */
@DurableObject
public class Records {
  enum Color { RED, @Field(5) GREEN }

  record Point(int x, @Field(7) String label, Color color) {}

  @Rpc
  public Point move(Point p) {
    return p;
  }
}
