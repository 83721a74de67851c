package test;

import dev.duro.DurableObject;
import dev.duro.Rpc;

@DurableObject
public class RecursiveRecord {
  record Node(String name, Node next) {}

  @Rpc
  public void put(Node node) {}
}
