package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.StorageEngine;

class InMemoryStorageEngineTest extends StorageEngineContractTest {
  @Override
  StorageEngine open() {
    return StorageEngine.inMemory();
  }
}
