package dev.duro.runtime;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ControllableStorageEngine;

/** The runtime contract over the in-memory storage engine. */
class InMemoryRuntimeTest extends RuntimeContractTest {
  private final StorageEngine data = StorageEngine.inMemory();

  @Override
  StorageEngine openStorage() {
    return ControllableStorageEngine.nonClosing(data);
  }
}
