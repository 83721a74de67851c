package dev.duro.runtime.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StorageEngine} must do; subclasses supply the engine. */
abstract class StorageEngineContractTest {
  abstract StorageEngine open();

  StorageEngine engine;

  @BeforeEach
  void openEngine() {
    engine = open();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private List<String> scan(byte[] from, byte[] to) {
    List<String> keys = new ArrayList<>();
    engine.scan(
        from,
        to,
        (k, v) -> {
          keys.add(java.util.Arrays.toString(k));
          return true;
        });
    return keys;
  }

  @Test
  void laterWritesWinWithinAndAcrossBatches() {
    WriteBatch first = WriteBatch.builder().put(b(1), b(1)).put(b(1), b(2)).put(b(2), b(2)).build();
    WriteBatch second = WriteBatch.builder().delete(b(2)).put(b(3), b(3)).build();
    engine.applyAll(List.of(first, second));
    assertArrayEquals(b(2), engine.get(b(1)));
    assertNull(engine.get(b(2)));
    assertArrayEquals(b(3), engine.get(b(3)));
    engine.apply(WriteBatch.builder().delete(b(9)).build());
    assertNull(engine.get(b(9)));
  }

  @Test
  void scansInUnsignedOrderWithinTheRange() {
    WriteBatch.Builder w = WriteBatch.builder();
    for (byte[] k : List.of(b(0x80), b(0x7f), b(1), b(1, 0), b(2), b(0xff, 0xff))) {
      w.put(k, b(0));
    }
    engine.apply(w.build());
    assertEquals(List.of("[1]", "[1, 0]", "[2]", "[127]", "[-128]", "[-1, -1]"), scan(b(0), null));
    assertEquals(List.of("[1, 0]", "[2]", "[127]"), scan(b(1, 0), b(0x80)));
    assertEquals(List.of(), scan(b(3), b(0x7f)));
    List<String> firstTwo = new ArrayList<>();
    engine.scan(
        b(0),
        null,
        (k, v) -> {
          firstTwo.add(java.util.Arrays.toString(k));
          return firstTwo.size() < 2;
        });
    assertEquals(List.of("[1]", "[1, 0]"), firstTwo);
  }

  @Test
  void getAllReadsSeveralKeysInOrder() {
    engine.apply(WriteBatch.builder().put(b(1), b(10)).put(b(3), b(30)).build());
    byte[][] v = engine.getAll(b(3), b(2), b(1), b(3));
    assertEquals(4, v.length);
    assertArrayEquals(b(30), v[0]);
    assertNull(v[1]);
    assertArrayEquals(b(10), v[2]);
    v[3][0] = 9;
    assertArrayEquals(b(30), engine.getAll(b(3))[0], "values are copies");
    assertEquals(0, engine.getAll().length);
  }

  @Test
  void valuesAreCopies() {
    byte[] value = b(5);
    engine.apply(WriteBatch.builder().put(b(1), value).build());
    engine.get(b(1))[0] = 9;
    assertArrayEquals(b(5), engine.get(b(1)));
  }

  @Test
  void closedEngineRejectsUse() {
    engine.close();
    assertThrows(IllegalStateException.class, () -> engine.get(b(1)));
    assertThrows(
        IllegalStateException.class,
        () -> engine.apply(WriteBatch.builder().put(b(1), b(1)).build()));
  }
}
