package test;

import dev.duro.DurableObject;
import dev.duro.Rpc;

@DurableObject(
    value = "Shelf",
    storageTypes = {Thread.class})
public class UnsupportedStorageType {
  @Rpc
  public void noop() {}
}
