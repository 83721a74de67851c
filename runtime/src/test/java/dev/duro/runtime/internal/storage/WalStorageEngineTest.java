package dev.duro.runtime.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalStorageEngineTest extends StorageEngineContractTest {
  @TempDir Path dir;

  @Override
  StorageEngine open() {
    return WalStorageEngine.open(
        XodusStorageEngine.open(dir.resolve("xodus")), dir.resolve("wal"), 1 << 20);
  }

  /** An in-memory inner engine that can refuse or hold back writes, to keep records unapplied. */
  static final class Inner implements StorageEngine {
    final StorageEngine data = StorageEngine.inMemory();
    volatile boolean failing;
    volatile CountDownLatch gate = new CountDownLatch(0);
    final AtomicBoolean closed = new AtomicBoolean();

    /** Calls of applyAll that succeed before {@link #failing} is set by the next one. */
    final AtomicInteger callsBeforeFailing = new AtomicInteger(Integer.MAX_VALUE);

    /** The number of writes in each applyAll call. */
    final List<Integer> callSizes = new CopyOnWriteArrayList<>();

    @Override
    public byte @Nullable [] get(byte[] key) {
      return data.get(key);
    }

    @Override
    public void scan(byte[] from, byte @Nullable [] to, ScanVisitor visitor) {
      data.scan(from, to, visitor);
    }

    @Override
    public void applyAll(List<WriteBatch> batches) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (callsBeforeFailing.getAndDecrement() <= 0) {
        failing = true;
      }
      if (failing) {
        throw new IllegalStateException("injected apply failure");
      }
      callSizes.add(batches.stream().mapToInt(WriteBatch::size).sum());
      data.applyAll(batches);
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static WriteBatch put(int key, int value) {
    return WriteBatch.builder().put(b(key), b(value)).build();
  }

  private WalStorageEngine wal(Inner inner) {
    return WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, 1 << 20, 1_000_000L);
  }

  /** The log segments, oldest first (not the spare). */
  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void segmentsAreWrittenOverZeroFilledSparesAndReplayedAcrossTheirZeroTails() throws Exception {
    Files.createDirectories(dir.resolve("log"));
    Files.write(dir.resolve("log").resolve(WalStorageEngine.SPARE), b(1, 2, 3));
    Inner inner = new Inner();
    int segmentBytes = 4096;
    // After the first writes nothing is applied during the test (a generation fills for a
    // minute), so reopening must replay the records of every segment, across their zero tails.
    WalStorageEngine wal =
        WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, segmentBytes, 60_000_000_000L);
    assertEquals(segments(), files(), "a spare left by a crash is deleted at open");
    Map<Integer, Integer> expected = new HashMap<>();
    int n = 0;
    for (int rotation = 0; rotation < 3; rotation++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!wal.spareReady()) {
        assertTrue(System.nanoTime() < deadline, "no spare was prepared");
        wal.apply(put(n % 200, n & 0x7f));
        expected.put(n % 200, n & 0x7f);
        n++;
        if (n % 200 == 0) {
          Thread.sleep(1);
        }
      }
      int before = segments().size();
      while (segments().size() == before) {
        wal.apply(put(n % 200, n & 0x7f));
        expected.put(n % 200, n & 0x7f);
        n++;
      }
      Path newest = segments().get(segments().size() - 1);
      assertEquals(
          segmentBytes, Files.size(newest), "the new segment is the zero-filled spare, renamed");
    }
    wal.apply(put(250, 1));
    expected.put(250, 1);
    wal.abandonForTest();
    // Only the first generation (the first writes) was applied: the rest must come from replay.
    assertNull(inner.data.get(b(250)), "applied before the crash");

    WalStorageEngine reopened = wal(inner);
    for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
      assertArrayEquals(
          b(e.getValue()), inner.data.get(b(e.getKey())), "key " + e.getKey() + " replayed");
    }
    reopened.close();
    assertEquals(List.of(), files(), "a clean close leaves no segment and no spare");
  }

  private static List<String> scan(StorageEngine e, byte[] from, byte @Nullable [] to) {
    List<String> out = new ArrayList<>();
    e.scan(
        from,
        to,
        (k, v) -> {
          out.add(java.util.Arrays.toString(k) + "=" + java.util.Arrays.toString(v));
          return true;
        });
    return out;
  }

  @Test
  void unappliedWritesAreReadAndMergedIntoScans() {
    Inner inner = new Inner();
    inner.data.apply(
        WriteBatch.builder().put(b(1), b(10)).put(b(2), b(20)).put(b(4), b(40)).build());
    inner.failing = true;
    WalStorageEngine wal = wal(inner);
    wal.apply(WriteBatch.builder().put(b(2), b(21)).delete(b(4)).put(b(3), b(30)).build());
    wal.apply(WriteBatch.builder().put(b(5), b(50)).put(b(0), b(0)).build());

    assertArrayEquals(b(21), wal.get(b(2)));
    assertNull(wal.get(b(4)));
    byte[][] many = wal.getAll(b(4), b(1), b(2), b(9), WalStorageEngine.APPLIED_KEY);
    assertNull(many[0], "deleted while unapplied");
    assertArrayEquals(b(10), many[1], "only in the inner engine");
    assertArrayEquals(b(21), many[2], "unapplied write over the inner engine's value");
    assertNull(many[3]);
    assertNull(many[4], "the log position is not data");
    assertArrayEquals(b(10), wal.get(b(1)));
    assertNull(inner.data.get(b(3)), "nothing may reach the inner engine while it fails");
    assertEquals(
        List.of("[0]=[0]", "[1]=[10]", "[2]=[21]", "[3]=[30]", "[5]=[50]"), scan(wal, b(0), null));
    assertEquals(List.of("[2]=[21]", "[3]=[30]"), scan(wal, b(2), b(5)));
    List<String> firstThree = new ArrayList<>();
    wal.scan(
        b(0),
        null,
        (k, v) -> {
          firstThree.add(java.util.Arrays.toString(k));
          return firstThree.size() < 3;
        });
    assertEquals(List.of("[0]", "[1]", "[2]"), firstThree);
    List<String> descending = new ArrayList<>();
    wal.scanDescending(
        b(0),
        null,
        (k, v) -> {
          descending.add(java.util.Arrays.toString(k));
          return true;
        });
    assertEquals(List.of("[5]", "[3]", "[2]", "[1]", "[0]"), descending);

    inner.failing = false;
    wal.awaitApplied();
    assertEquals(wal.lastSeq(), wal.appliedSeq());
    // The inner engine also holds the log position, under a key reads never show.
    assertEquals(
        List.of("[1]=[10]", "[2]=[21]", "[3]=[30]", "[5]=[50]"), scan(inner.data, b(1), null));
    assertArrayEquals(b(0), inner.data.get(b(0)));
    assertNull(inner.data.get(b(4)));
    assertNull(wal.get(WalStorageEngine.APPLIED_KEY));
    assertEquals(
        List.of("[0]=[0]", "[1]=[10]", "[2]=[21]", "[3]=[30]", "[5]=[50]"), scan(wal, b(0), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> wal.apply(WriteBatch.builder().put(WalStorageEngine.APPLIED_KEY, b(1)).build()));
    wal.close();
    assertTrue(inner.closed.get());
  }

  @Test
  void recordsNotAppliedBeforeACrashAreReplayedOnOpen() throws IOException {
    Inner inner = new Inner();
    WalStorageEngine wal = wal(inner);
    wal.apply(put(1, 1));
    wal.awaitApplied();
    inner.failing = true;
    for (int i = 2; i <= 50; i++) {
      wal.apply(put(i, i));
    }
    wal.apply(WriteBatch.builder().delete(b(1)).build());
    wal.abandonForTest();
    assertNull(inner.data.get(b(2)));
    assertArrayEquals(b(1), inner.data.get(b(1)));

    inner.failing = false;
    WalStorageEngine reopened = wal(inner);
    for (int i = 2; i <= 50; i++) {
      assertArrayEquals(b(i), inner.data.get(b(i)), "replayed into the inner engine: " + i);
    }
    assertNull(inner.data.get(b(1)), "the delete is replayed too");
    assertEquals(1, segments().size(), "replayed segments are deleted; one new segment is open");
    reopened.apply(put(60, 60));
    reopened.close();
    assertArrayEquals(b(60), inner.data.get(b(60)));
  }

  @Test
  void largeGenerationsAreAppliedInBoundedChunksAndACrashBetweenChunksIsRepairedByReplay()
      throws IOException {
    int n = 2 * WalStorageEngine.APPLY_CHUNK_WRITES + 100;
    Inner inner = new Inner();
    WalStorageEngine wal = bigWal(inner);
    wal.apply(put(1, 1));
    wal.awaitApplied();
    inner.failing = true;
    for (int i = 0; i < n; i++) {
      wal.apply(WriteBatch.builder().put(intKey(i), b(i & 0xff)).build());
    }
    wal.abandonForTest();
    byte[] appliedBefore = inner.data.get(WalStorageEngine.APPLIED_KEY);

    // Replay on open gets through one chunk, then the inner engine fails: as a crash between
    // two chunks would, it leaves writes applied without their sequence number.
    inner.failing = false;
    inner.callsBeforeFailing.set(1);
    assertThrows(RuntimeException.class, () -> bigWal(inner));
    assertArrayEquals(b(0), inner.data.get(intKey(0)), "the first chunk was applied");
    assertNull(inner.data.get(intKey(n - 1)), "the last chunk was not");
    assertArrayEquals(
        appliedBefore,
        inner.data.get(WalStorageEngine.APPLIED_KEY),
        "the applied sequence number moves only with a generation's last chunk");

    inner.failing = false;
    inner.callsBeforeFailing.set(Integer.MAX_VALUE);
    inner.callSizes.clear();
    WalStorageEngine reopened = bigWal(inner);
    for (int i = 0; i < n; i++) {
      assertArrayEquals(b(i & 0xff), inner.data.get(intKey(i)), "replayed: " + i);
    }
    assertArrayEquals(b(1), inner.data.get(b(1)));
    assertTrue(inner.callSizes.size() >= 3, "applied in chunks: " + inner.callSizes);
    for (int size : inner.callSizes) {
      assertTrue(size <= WalStorageEngine.APPLY_CHUNK_WRITES + 1, "chunk of " + size);
    }

    // The live applier chunks a large generation too: hold it while one collects.
    inner.callSizes.clear();
    CountDownLatch gate = new CountDownLatch(1);
    inner.gate = gate;
    reopened.apply(put(2, 2));
    for (int i = 0; i < n; i++) {
      reopened.apply(WriteBatch.builder().put(intKey(i), b(7)).build());
    }
    gate.countDown();
    reopened.awaitApplied();
    for (int i = 0; i < n; i++) {
      assertArrayEquals(b(7), inner.data.get(intKey(i)), "applied: " + i);
    }
    assertTrue(
        inner.callSizes.stream().anyMatch(size -> size == WalStorageEngine.APPLY_CHUNK_WRITES),
        "a full chunk: " + inner.callSizes);
    for (int size : inner.callSizes) {
      assertTrue(size <= WalStorageEngine.APPLY_CHUNK_WRITES + 1, "chunk of " + size);
    }
    reopened.close();
  }

  /** A log whose pending bound holds every write of these tests unapplied. */
  private WalStorageEngine bigWal(Inner inner) {
    return WalStorageEngine.open(inner, dir.resolve("log"), 64 << 20, 1 << 20, 1_000_000L);
  }

  private static byte[] intKey(int i) {
    return new byte[] {0x10, (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
  }

  @Test
  void aRecordTornByACrashIsCutOffAndTheRestReplayed() throws IOException {
    for (byte[] tail :
        List.of(
            b(0, 0, 0), // header cut short
            b(0, 0, 0x10, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 9, 7), // body cut short
            new byte[4096])) { // the file grew but its data never reached the disk
      Inner inner = new Inner();
      inner.failing = true;
      WalStorageEngine wal = wal(inner);
      wal.apply(put(1, 1));
      wal.apply(put(2, 2));
      wal.abandonForTest();
      Path segment = segments().get(segments().size() - 1);
      Files.write(segment, tail, StandardOpenOption.APPEND);

      inner.failing = false;
      WalStorageEngine reopened = wal(inner);
      assertArrayEquals(b(1), inner.data.get(b(1)));
      assertArrayEquals(b(2), inner.data.get(b(2)));
      reopened.apply(put(3, 3));
      reopened.close();
      assertArrayEquals(b(3), inner.data.get(b(3)));
      for (Path p : segments()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void aBadRecordFollowedByGoodOnesIsCorruptionAndRefused() throws IOException {
    Inner inner = new Inner();
    inner.failing = true;
    WalStorageEngine wal = wal(inner);
    wal.apply(put(1, 1));
    wal.apply(put(2, 2));
    wal.abandonForTest();
    Path segment = segments().get(0);
    byte[] data = Files.readAllBytes(segment);
    data[20] ^= 0x55; // inside the first record's body
    Files.write(segment, data);

    inner.failing = false;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> wal(inner));
    assertTrue(e.getMessage().contains("corrupt at offset 0"), e.getMessage());
    assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
    assertTrue(inner.closed.get(), "a failed open closes the inner engine");
    assertNull(inner.data.get(b(2)), "nothing of a corrupt log is applied");
  }

  @Test
  void aBadRecordInAClosedSegmentIsCorruptionAndRefused() throws IOException {
    Inner inner = new Inner();
    inner.failing = true; // nothing is applied: every segment is read on reopening
    WalStorageEngine wal =
        WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, 256, 60_000_000_000L);
    int n = 0;
    while (segments().size() < 3) {
      wal.apply(put(n % 10, n & 0x7f));
      n++;
    }
    wal.abandonForTest();
    Path first = segments().get(0);
    byte[] data = Files.readAllBytes(first);
    int second = ByteBuffer.wrap(data).getInt(0) + 16; // offset of the second record
    data[second + 20] ^= 0x55;
    Files.write(first, data);

    inner.failing = false;
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, 256, 1_000_000L));
    assertTrue(e.getMessage().contains("corrupt at offset " + second), e.getMessage());
    assertTrue(e.getMessage().contains(first.getFileName().toString()), e.getMessage());
  }

  @Test
  void appliedSegmentsAreRecycledAsSparesAndTheirOldRecordsNeverReplayed() throws Exception {
    for (int newRecords : new int[] {0, 3}) {
      Path log = dir.resolve("recycle-" + newRecords);
      Inner inner = new Inner();
      WalStorageEngine wal = WalStorageEngine.open(inner, log, 1 << 20, 4096, 1_000_000L);
      Map<Integer, Integer> expected = new HashMap<>();
      int n = 0;
      // Write until a rotation takes a recycled segment: right after it, the new segment holds
      // only its older use's records (a zero-filled spare would hold zeros).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      Path recycled = null;
      while (recycled == null) {
        assertTrue(System.nanoTime() < deadline, "no rotation took a recycled segment");
        Path before = newest(log);
        wal.apply(put(n % 50, n & 0x7f));
        expected.put(n % 50, n & 0x7f);
        n++;
        Path after = newest(log);
        if (!after.equals(before) && wal.recycledSegments() > 0) {
          byte[] content = Files.readAllBytes(after);
          if (content.length > 0 && !allZero(content)) {
            recycled = after;
          }
        }
        if (n % 20 == 0) {
          Thread.sleep(1); // let the applier apply, so segments get recycled
        }
      }
      // What is written now stays unapplied: it must come back from the recycled segment, and the
      // older records after it must not (nor be taken for corruption).
      inner.failing = true;
      for (int i = 0; i < newRecords; i++) {
        wal.apply(put(i, 100 + i));
        expected.put(i, 100 + i);
      }
      wal.abandonForTest();
      byte[] content = Files.readAllBytes(recycled);
      assertFalse(
          allZero(Arrays.copyOfRange(content, content.length - 64, content.length)),
          "the recycled segment still ends with older records");

      inner.failing = false;
      WalStorageEngine reopened = WalStorageEngine.open(inner, log, 1 << 20, 4096, 1_000_000L);
      for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
        assertArrayEquals(
            b(e.getValue()),
            reopened.get(b(e.getKey())),
            "key " + e.getKey() + " after " + newRecords + " new records");
      }
      reopened.close();
    }
  }

  private static Path newest(Path log) throws IOException {
    try (Stream<Path> files = Files.list(log)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .max(Comparator.naturalOrder())
          .orElseThrow();
    }
  }

  private static boolean allZero(byte[] data) {
    for (byte x : data) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void appliedSegmentsAreDeletedAndEverythingSurvivesReopening() throws IOException {
    Inner inner = new Inner();
    WalStorageEngine wal =
        WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, 256, 1_000_000L);
    for (int i = 0; i < 200; i++) {
      wal.apply(put(i % 100, i));
    }
    wal.awaitApplied();
    // The applier deletes closed segments after applying them; the open one stays.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (segments().size() > 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, segments().size(), "segments: " + segments());
    wal.close();
    assertEquals(List.of(), segments(), "a clean close leaves nothing to replay");
    WalStorageEngine reopened =
        WalStorageEngine.open(inner, dir.resolve("log"), 1 << 20, 256, 1_000_000L);
    for (int k = 0; k < 100; k++) {
      assertArrayEquals(b(100 + k), reopened.get(b(k)));
    }
    reopened.close();
  }

  @Test
  void writesWaitWhenTooMuchIsUnappliedAndFailWhenApplyingFails() throws Exception {
    Inner inner = new Inner();
    CountDownLatch gate = new CountDownLatch(1);
    inner.gate = gate;
    WalStorageEngine wal = WalStorageEngine.open(inner, dir.resolve("log"), 1_000, 1 << 20, 0);
    byte[] big = new byte[600];
    wal.apply(WriteBatch.builder().put(b(1), big).build());
    wal.apply(WriteBatch.builder().put(b(2), big).build());
    // Over the bound now, with the applier held at the gate: the next write waits.
    CompletableFuture<Void> third =
        CompletableFuture.runAsync(() -> wal.apply(WriteBatch.builder().put(b(3), big).build()));
    Thread.sleep(200);
    assertFalse(third.isDone(), "a write past the bound waits for the applier");
    gate.countDown();
    third.get(10, TimeUnit.SECONDS);
    assertArrayEquals(big, wal.get(b(3)));
    wal.awaitApplied();

    inner.failing = true;
    wal.apply(WriteBatch.builder().put(b(4), big).build());
    wal.apply(WriteBatch.builder().put(b(5), big).build());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              for (int i = 0; i < 100; i++) {
                wal.apply(WriteBatch.builder().put(b(6), big).build());
              }
            });
    assertTrue(e.getMessage().contains("not accepting writes"), e.getMessage());
    assertArrayEquals(big, wal.get(b(5)), "what was accepted stays readable");
    inner.failing = false;
    wal.close();
    assertArrayEquals(big, inner.data.get(b(5)), "and is applied once the inner engine recovers");
  }

  /**
   * One writer commits groups that set ten keys to the same number, the number growing; readers
   * scan and get concurrently while the applier moves generations into Xodus. Every scan must see
   * one whole group (ten equal values) and no reader may ever see the number go back.
   */
  @Test
  void concurrentReadersSeeWholeGroupsAndNeverGoBack() throws Exception {
    StorageEngine engine =
        WalStorageEngine.open(
            XodusStorageEngine.open(dir.resolve("x")),
            dir.resolve("log"),
            1 << 20,
            1 << 16,
            2_000_000L);
    int groups = 3_000;
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Thread t =
          new Thread(
              () -> {
                long last = 0;
                while (!done.get() && failures.isEmpty()) {
                  List<Long> seen = new ArrayList<>();
                  engine.scan(
                      b(0),
                      b(1),
                      (k, v) -> {
                        seen.add(ByteBuffer.wrap(v).getLong());
                        return true;
                      });
                  if (!seen.isEmpty()) {
                    if (seen.size() != 10 || seen.stream().distinct().count() != 1) {
                      failures.add("torn group in a scan: " + seen);
                    } else if (seen.get(0) < last) {
                      failures.add("went back from " + last + " to " + seen.get(0));
                    } else {
                      last = seen.get(0);
                    }
                  }
                  byte[] v = engine.get(b(0, 3));
                  if (v != null && ByteBuffer.wrap(v).getLong() < last) {
                    failures.add("get went back below " + last);
                  }
                }
              });
      t.start();
      readers.add(t);
    }
    for (long n = 1; n <= groups; n++) {
      WriteBatch.Builder w = WriteBatch.builder();
      for (int k = 0; k < 10; k++) {
        w.put(b(0, k), ByteBuffer.allocate(8).putLong(n).array());
      }
      engine.apply(w.build());
    }
    done.set(true);
    for (Thread t : readers) {
      t.join(10_000);
    }
    assertEquals(List.of(), List.copyOf(failures));
    engine.close();
    StorageEngine reopened =
        WalStorageEngine.open(
            XodusStorageEngine.open(dir.resolve("x")), dir.resolve("log"), 1 << 20);
    assertEquals(groups, ByteBuffer.wrap(reopened.get(b(0, 9))).getLong());
    reopened.close();
  }
}
