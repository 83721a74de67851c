package test;

import dev.duro.DurableObject;
import dev.duro.Rpc;

@DurableObject
public class ProtoNameCollision {
  @Rpc
  public void add(AddRequest request) {}
}

record AddRequest(int n) {}
