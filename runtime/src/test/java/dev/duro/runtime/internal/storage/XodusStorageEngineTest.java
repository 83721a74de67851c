package dev.duro.runtime.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusStorageEngineTest extends StorageEngineContractTest {
  @TempDir Path dir;

  @Override
  StorageEngine open() {
    return XodusStorageEngine.open(dir);
  }

  @Test
  void dataSurvivesReopening() {
    engine.apply(WriteBatch.builder().put(new byte[] {1}, new byte[] {42}).build());
    engine.close();
    engine = open();
    assertArrayEquals(new byte[] {42}, engine.get(new byte[] {1}));
  }
}
