package test;

import dev.duro.*;

@DurableObject
public enum NotAClassEnum {
  ONE;
}
