package dev.duro.runtime.internal.storage;

import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Makes a group durable with one sequential append and one fdatasync of a write-ahead log, and
 * applies it to the underlying engine (Xodus) later, on a thread of its own.
 *
 * <p>Why: a Xodus commit mutates its tree on the committing thread and its log cleaner stops every
 * writer while it relocates live data (its "GC transaction", hundreds of milliseconds under load).
 * With Xodus on the reply path, each such stall and each tree mutation delayed every reply of the
 * group. Here the reply path is an append and an fsync; the tree work moves to the applier, which
 * takes everything committed while it was busy as one generation, so a key written many times
 * meanwhile is written to Xodus once, in one transaction.
 *
 * <p>Durability and atomicity: {@link #applyAll} returns only after its record (all batches of the
 * group, with a sequence number and a CRC32C) is synced. The applier writes each generation to the
 * inner engine in transactions of a bounded number of writes, the last together with the sequence
 * number of the generation's last record (under a key outside the runtime's key space), and
 * recycles or deletes a log segment once every record in it is applied. On open, records after the
 * applied sequence number are replayed in order. Each segment is named after the sequence number of
 * its first record and holds consecutive records from there; a closed segment ends with the record
 * before the next segment's first. The last segment ends at the first bytes that are not the next
 * record (zeros, a write torn by a crash, or the older records of a recycled segment, whose
 * sequence numbers are all lower); if a record with the next sequence number follows such bytes, or
 * a closed segment is cut short, the log is corrupt and the engine refuses to open, naming the file
 * and offset. (Each record is synced before the next is written, so a crash cannot leave a good
 * record behind a torn one.)
 *
 * <p>Segments are written over allocated blocks: while one fills, the applier prepares the next
 * ({@value #SPARE}), which rotation renames into place. The spare is an applied segment, recycled,
 * or else a zero-filled file (paced, so it does not take a core or the disk in a burst). Why: an
 * fdatasync after an append that grows a file must also commit the file's new size to the file
 * system journal, and on ext4 (data=ordered) that commit first flushes every other dirty file, here
 * Xodus's; measured on the development machine with a background writer, appends over zeros halved
 * the median fsync time (0.46 to 0.24 ms) and the p99 (0.9 to 0.5 ms). Recycling also saves writing
 * every byte of the log twice.
 *
 * <p>Reads see a write as soon as {@code applyAll} returned: {@link #get} and {@link #scan} look in
 * the writes not yet applied (at most two generations in memory: the one being applied and the one
 * filling) before the inner engine, and a scan copies the pending range of the filling generation
 * under the same lock the writer takes to add a group, so it sees whole groups only. The bytes held
 * in memory are bounded ({@code maxPendingBytes}): past the bound, {@code applyAll} waits for the
 * applier, which pushes back through group commit to the runtime's bounded queues.
 *
 * <p>Threads: {@code applyAll} from one thread at a time (the committer); reads from any thread.
 */
public final class WalStorageEngine implements StorageEngine {
  private static final System.Logger LOG = System.getLogger("dev.duro.runtime");

  /** Where the inner engine records the last applied sequence number: outside every key space. */
  static final byte[] APPLIED_KEY = {0x00, 'w', 'a', 'l', '.', 'a', 'p', 'p', 'l', 'i', 'e', 'd'};

  /** Largest default bound on unapplied bytes held in memory. */
  public static final long DEFAULT_MAX_PENDING_BYTES = 64L << 20;

  /**
   * The default bound on unapplied bytes: {@link #DEFAULT_MAX_PENDING_BYTES} or a sixteenth of the
   * maximum heap, whichever is smaller (at least 1 MiB). Pending writes are held as maps of byte
   * arrays, which cost a few times their encoded size, so a small heap gets a small bound.
   */
  public static long defaultMaxPendingBytes() {
    return Math.max(
        1L << 20, Math.min(DEFAULT_MAX_PENDING_BYTES, Runtime.getRuntime().maxMemory() / 16));
  }

  static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /**
   * Most writes per inner transaction when applying: the maximum heap / 128 KiB, between 256 and
   * 8,192. Why: a Xodus transaction keeps a mutable copy of every tree node it changes until it
   * commits, and each copied node still refers to its key in the 64 KiB log page it was read from,
   * so a transaction can pin up to a page per changed node. Heap dumps of a 96 MiB heap that ran
   * out of memory while 200,000 new objects were written showed this in Xodus's log cleaner (2,500
   * copied nodes pinning 979 pages); a generation of new objects' keys, spread over the tree, is
   * the same shape, so the applier's transactions are bounded too.
   */
  static final int APPLY_CHUNK_WRITES =
      (int) Math.max(256, Math.min(8_192, Runtime.getRuntime().maxMemory() >> 17));

  /**
   * How long a generation fills before it is applied (unless it holds half the pending bound). At
   * 200,000 writes/s over 1,000 keys, 250 ms makes 50,000 writes into at most 1,000 puts. Longer
   * generations write Xodus (and make its cleaner copy) less; at 25 ms the cleaner's extra CPU on
   * two cores raised p99 latency at half of peak from about 18 ms to 48 ms. Memory stays bounded by
   * the pending bound, which starts an apply early.
   */
  static final long DEFAULT_APPLY_INTERVAL_NANOS = 250_000_000L;

  private static final int HEADER = 16;
  private static final String PREFIX = "wal-";
  private static final String SUFFIX = ".log";

  /** The zero-filled file that becomes the next segment; not part of the log. */
  static final String SPARE = "spare.tmp";

  private static final int ZERO_CHUNK = 1 << 20;
  private static final long ZERO_SYNC_BYTES = 4L << 20;
  private static final long ZERO_PACE_MILLIS = 4;
  private static final int ENTRY_OVERHEAD = 64;

  /** A delete in a generation map (compared by identity; an empty value is a different array). */
  private static final byte[] TOMBSTONE = new byte[0];

  private static final class Generation {
    final ConcurrentSkipListMap<byte[], byte[]> writes =
        new ConcurrentSkipListMap<>(UnsignedBytes.ORDER);
    long lastSeq;
    long bytes;
  }

  /** Never mutated: the applier swaps in a new one. */
  private record State(Generation filling, @Nullable Generation applying) {}

  private record Segment(Path path, long firstSeq) {}

  /** A segment no longer written to; its records end at {@code lastSeq}. */
  private record ClosedSegment(Path path, long lastSeq) {}

  private final StorageEngine inner;
  private final Path directory;
  private final long maxPendingBytes;
  private final long segmentBytes;
  private final long applyIntervalNanos;
  private final Object lock = new Object();

  /** Held while the spare file is renamed: by a rotation taking it, or the applier recycling. */
  private final Object spareLock = new Object();

  private final Thread applier;

  private volatile State state = new State(new Generation(), null);

  // Guarded by lock.
  private long pendingBytes;
  private final List<ClosedSegment> closedSegments = new ArrayList<>();
  private @Nullable Throwable applyFailure;
  private boolean closing;
  private boolean closed;
  private boolean spareWanted;
  private boolean spareReady;
  private boolean spareFailed;
  private long recycledSegments;

  // Writer thread only.
  private FileChannel channel;
  private Segment current;
  private long currentBytes;
  private long lastSeq;
  private @Nullable IOException broken;
  private boolean spareRequested;

  private volatile long appliedSeq;

  private WalStorageEngine(
      StorageEngine inner,
      Path directory,
      long maxPendingBytes,
      long segmentBytes,
      long applyIntervalNanos)
      throws IOException {
    this.inner = inner;
    this.directory = directory;
    this.maxPendingBytes = maxPendingBytes;
    this.segmentBytes = segmentBytes;
    this.applyIntervalNanos = applyIntervalNanos;
    Files.createDirectories(directory);
    // A spare left by a crash may be incomplete; one is made again when needed.
    Files.deleteIfExists(directory.resolve(SPARE));
    long applied = decodeSeq(inner.get(APPLIED_KEY));
    long last = recover(applied);
    this.lastSeq = last;
    this.appliedSeq = last;
    this.current = new Segment(segmentPath(last + 1), last + 1);
    this.channel =
        FileChannel.open(current.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    syncDirectory();
    this.applier = new Thread(this::applyLoop, "duro-wal-apply");
    applier.setDaemon(true);
    applier.start();
  }

  /**
   * Opens the log in {@code directory} (created if needed) over {@code inner}, replaying into
   * {@code inner} every record it has not applied yet. The engine owns {@code inner} and closes it.
   *
   * @throws IllegalStateException if the log is corrupt (not merely torn at its end) or cannot be
   *     read; {@code inner} is closed then
   */
  public static WalStorageEngine open(StorageEngine inner, Path directory, long maxPendingBytes) {
    return open(
        inner, directory, maxPendingBytes, DEFAULT_SEGMENT_BYTES, DEFAULT_APPLY_INTERVAL_NANOS);
  }

  static WalStorageEngine open(
      StorageEngine inner,
      Path directory,
      long maxPendingBytes,
      long segmentBytes,
      long applyIntervalNanos) {
    if (maxPendingBytes < 1) {
      throw new IllegalArgumentException(
          "maxPendingBytes must be positive, got " + maxPendingBytes);
    }
    try {
      return new WalStorageEngine(
          inner, directory, maxPendingBytes, segmentBytes, applyIntervalNanos);
    } catch (IOException | RuntimeException e) {
      inner.close();
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException(
          "Cannot open the write-ahead log in " + directory + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Recovery

  private long recover(long applied) throws IOException {
    List<Segment> segments = listSegments();
    long last = applied;
    List<WriteBatch> replay = new ArrayList<>();
    long replayBytes = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      boolean lastSegment = i == segments.size() - 1;
      // A closed segment holds exactly the records up to the next segment's first; what follows
      // them in the file is the rest of a recycled segment's older use.
      long lastInSegment = lastSegment ? Long.MAX_VALUE : segments.get(i + 1).firstSeq() - 1;
      if (lastInSegment <= applied) {
        continue; // every record in it is applied: no need to read it
      }
      byte[] data = Files.readAllBytes(s.path());
      ByteBuffer in = ByteBuffer.wrap(data);
      long expected = s.firstSeq();
      while (expected <= lastInSegment) {
        int at = in.position();
        String bad = record(data, at, expected);
        if (bad != null) {
          if (!lastSegment) {
            throw corrupt(
                s,
                at,
                bad
                    + " where record "
                    + expected
                    + " should be (the segment must hold records up to "
                    + lastInSegment
                    + ")");
          }
          // The end of the log: zeros of a spare, a write torn by a crash before it was
          // acknowledged, or an older use of a recycled segment. Only a good next record after a
          // bad one shows that acknowledged records follow: corruption.
          int length = data.length - at >= HEADER ? in.getInt(at) : -1;
          if (length >= 0
              && length <= data.length - at - HEADER
              && record(data, at + HEADER + length, expected + 1) == null) {
            throw corrupt(s, at, bad + " followed by record " + (expected + 1));
          }
          if (!allZero(data, at)) {
            LOG.log(
                System.Logger.Level.INFO,
                "Write-ahead log {0} ends at offset {1} with record {2} ({3} follows: a write"
                    + " torn by a crash before it was acknowledged, or a recycled segment''s older"
                    + " records)",
                s.path(),
                String.valueOf(at),
                String.valueOf(expected - 1),
                bad);
          }
          break;
        }
        int length = in.getInt(at);
        in.position(at + HEADER + length);
        long seq = expected++;
        if (seq <= applied) {
          continue;
        }
        if (seq != last + 1) {
          throw new IllegalStateException(
              "Write-ahead log "
                  + s.path()
                  + " is corrupt at offset "
                  + at
                  + ": record "
                  + seq
                  + " follows record "
                  + last
                  + "; refusing to open");
        }
        WriteBatch batch;
        try {
          batch = WriteBatch.fromBytes(Arrays.copyOfRange(data, at + HEADER, at + HEADER + length));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "Write-ahead log " + s.path() + " is corrupt at offset " + at + ": " + e.getMessage(),
              e);
        }
        replay.add(batch);
        replayBytes += length;
        last = seq;
        if (replayBytes >= maxPendingBytes) {
          applyToInner(replay, last);
          replay.clear();
          replayBytes = 0;
        }
      }
    }
    if (!replay.isEmpty()) {
      applyToInner(replay, last);
    }
    for (Segment s : segments) {
      Files.delete(s.path());
    }
    return last;
  }

  private static IllegalStateException corrupt(Segment s, int at, String what) {
    return new IllegalStateException(
        "Write-ahead log "
            + s.path()
            + " is corrupt at offset "
            + at
            + ": "
            + what
            + "; refusing to open (restore the directory from a backup)");
  }

  /**
   * Why the bytes at {@code at} are not record {@code seq} (whole, with a matching CRC), or {@code
   * null} if they are.
   */
  private static @Nullable String record(byte[] data, int at, long seq) {
    if (data.length - at < HEADER) {
      return "a truncated record header";
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    int length = in.getInt(at);
    if (length < 0 || length > data.length - at - HEADER) {
      return "a record longer than the rest of the file";
    }
    if (crc(data, at + 8, 8 + length) != in.getInt(at + 4)) {
      return "a record failing its CRC";
    }
    long found = in.getLong(at + 8);
    if (found != seq) {
      return "record " + found;
    }
    return null;
  }

  private List<Segment> listSegments() throws IOException {
    List<Segment> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        String digits = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        try {
          out.add(new Segment(p, Long.parseLong(digits)));
        } catch (NumberFormatException e) {
          throw new IllegalStateException("Unexpected file in the write-ahead log: " + p, e);
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.firstSeq(), b.firstSeq()));
    return out;
  }

  /**
   * Writes {@code batches} to the inner engine in order, in transactions of at most {@link
   * #APPLY_CHUNK_WRITES} writes, the last one with {@code seq} as the applied sequence number. A
   * crash between chunks leaves some of the writes applied without the number: replay writes them
   * again, in the same order, to the same result.
   */
  private void applyToInner(List<WriteBatch> batches, long seq) {
    WriteBatch applied = WriteBatch.builder().put(APPLIED_KEY, encodeSeq(seq)).build();
    long writes = 0;
    for (WriteBatch batch : batches) {
      writes += batch.size();
    }
    if (writes < APPLY_CHUNK_WRITES) {
      List<WriteBatch> all = new ArrayList<>(batches.size() + 1);
      all.addAll(batches);
      all.add(applied);
      inner.applyAll(all);
      return;
    }
    WriteBatch.Builder[] chunk = {WriteBatch.builder()};
    for (WriteBatch batch : batches) {
      batch.forEach(
          (key, value) -> {
            if (value == null) {
              chunk[0].delete(key);
            } else {
              chunk[0].put(key, value);
            }
            if (chunk[0].size() == APPLY_CHUNK_WRITES) {
              inner.applyAll(List.of(chunk[0].build()));
              chunk[0] = WriteBatch.builder();
            }
          });
    }
    inner.applyAll(List.of(chunk[0].build(), applied));
  }

  // ------------------------------------------------------------------------------------------
  // Writes

  @Override
  public void applyAll(List<WriteBatch> batches) {
    WriteBatch.Builder b = WriteBatch.builder();
    for (WriteBatch batch : batches) {
      b.putAll(batch);
    }
    WriteBatch group = b.build();
    group.forEach(
        (k, v) -> {
          if (Arrays.equals(k, APPLIED_KEY)) {
            throw new IllegalArgumentException("The key " + Arrays.toString(k) + " is reserved");
          }
        });
    if (group.isEmpty()) {
      checkOpen();
      return;
    }
    awaitRoom();
    if (broken != null) {
      throw new IllegalStateException("Write-ahead log " + current.path() + " is broken", broken);
    }
    long seq = lastSeq + 1;
    byte[] body = group.toBytes();
    ByteBuffer record = ByteBuffer.allocate(HEADER + body.length);
    record.putInt(body.length).putInt(0).putLong(seq).put(body);
    byte[] bytes = record.array();
    record.putInt(4, crc(bytes, 8, 8 + body.length));
    record.flip();
    long start = currentBytes;
    try {
      while (record.hasRemaining()) {
        channel.write(record);
      }
      channel.force(false);
    } catch (IOException e) {
      // The record may be on disk in part or in full; it must not come back on replay, as its
      // turns are failed. Cut it off; if even that fails, refuse all further writes.
      try {
        channel.truncate(start);
        channel.position(start);
        channel.force(true);
      } catch (IOException again) {
        e.addSuppressed(again);
        broken = e;
      }
      throw new UncheckedIOException("Cannot write the write-ahead log " + current.path(), e);
    }
    lastSeq = seq;
    currentBytes += bytes.length;
    boolean wantSpare = !spareRequested && currentBytes >= segmentBytes / 2;
    synchronized (lock) {
      Generation g = state.filling;
      // The applier waits without a timeout only while the filling generation is empty; other
      // appends need not wake it (a wake-up per group cost CPU on the reply path's cores).
      boolean wake = g.writes.isEmpty();
      group.forEach(
          (k, v) -> {
            byte[] old = g.writes.put(k, v == null ? TOMBSTONE : v);
            long size = k.length + (v == null ? 0 : v.length) + ENTRY_OVERHEAD;
            long freed = old == null ? 0 : k.length + old.length + ENTRY_OVERHEAD;
            g.bytes += size - freed;
            pendingBytes += size - freed;
          });
      g.lastSeq = seq;
      if (wantSpare) {
        spareRequested = true;
        spareWanted = true;
        wake = true;
      }
      if (wake || pendingBytes > maxPendingBytes / 2) {
        lock.notifyAll();
      }
    }
    if (currentBytes >= segmentBytes) {
      rotate();
    }
  }

  private void awaitRoom() {
    synchronized (lock) {
      while (pendingBytes > maxPendingBytes && !closed) {
        if (applyFailure != null) {
          throw new IllegalStateException(
              "Storage is not accepting writes: applying the write-ahead log fails and "
                  + pendingBytes
                  + " bytes are waiting",
              applyFailure);
        }
        try {
          lock.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for storage", e);
        }
      }
      if (closed) {
        throw new IllegalStateException("Storage engine on " + directory + " is closed");
      }
    }
  }

  private void rotate() {
    Segment next = new Segment(segmentPath(lastSeq + 1), lastSeq + 1);
    spareRequested = false;
    try {
      FileChannel ch;
      synchronized (spareLock) {
        boolean useSpare;
        synchronized (lock) {
          useSpare = spareReady;
          spareReady = false;
          spareWanted = false;
          spareFailed = false;
        }
        if (useSpare) {
          Files.move(directory.resolve(SPARE), next.path(), StandardCopyOption.ATOMIC_MOVE);
          ch = FileChannel.open(next.path(), StandardOpenOption.WRITE);
        } else {
          ch =
              FileChannel.open(
                  next.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
      }
      syncDirectory();
      channel.close();
      boolean applied;
      synchronized (lock) {
        // The applier may have applied this segment's last record already; it would not look at
        // the segment again until the next generation.
        applied = appliedSeq >= lastSeq;
        if (!applied) {
          closedSegments.add(new ClosedSegment(current.path(), lastSeq));
        }
      }
      if (applied) {
        Files.deleteIfExists(current.path());
      }
      channel = ch;
      current = next;
      currentBytes = 0;
    } catch (IOException e) {
      // Keep appending to the current segment; rotation is tried again after the next write.
      LOG.log(System.Logger.Level.WARNING, "Cannot start a new write-ahead log segment", e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Applier

  private void applyLoop() {
    long backoff = 50;
    long lastStart = System.nanoTime() - applyIntervalNanos;
    while (true) {
      Generation g;
      boolean makeSpare = false;
      synchronized (lock) {
        State s = state;
        while (!closing) {
          if (spareWanted && !spareReady && !spareFailed) {
            makeSpare = true;
            break;
          }
          long waitNanos;
          if (s.filling.writes.isEmpty()) {
            waitNanos = 0;
          } else {
            // Let the generation fill for a while: every key it holds is written to the inner
            // engine once, however often it was written meanwhile.
            waitNanos = lastStart + applyIntervalNanos - System.nanoTime();
            if (waitNanos <= 0 || pendingBytes > maxPendingBytes / 2) {
              break;
            }
          }
          try {
            if (waitNanos == 0) {
              lock.wait();
            } else {
              lock.wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
          } catch (InterruptedException e) {
            // Nobody interrupts this private thread.
          }
          s = state;
        }
        if (makeSpare) {
          g = null;
        } else {
          lastStart = System.nanoTime();
          if (s.filling.writes.isEmpty()) {
            return;
          }
          g = s.filling;
          state = new State(new Generation(), g);
        }
      }
      if (g == null) {
        makeSpare();
        continue;
      }
      while (true) {
        try {
          WriteBatch.Builder b = WriteBatch.builder();
          for (Map.Entry<byte[], byte[]> e : g.writes.entrySet()) {
            byte[] v = e.getValue();
            if (v == TOMBSTONE) {
              b.delete(e.getKey());
            } else {
              b.put(e.getKey(), v);
            }
          }
          applyToInner(List.of(b.build()), g.lastSeq);
          backoff = 50;
          break;
        } catch (Throwable e) {
          synchronized (lock) {
            applyFailure = e;
            if (closing) {
              // Everything is in the log and replayed on the next open.
              LOG.log(
                  System.Logger.Level.ERROR,
                  "Closing with write-ahead log records not applied; they are replayed on the"
                      + " next open",
                  e);
              return;
            }
          }
          LOG.log(
              System.Logger.Level.ERROR,
              "Applying the write-ahead log to storage failed; retrying in " + backoff + " ms",
              e);
          sleep(backoff);
          backoff = Math.min(5_000, backoff * 2);
        }
      }
      List<ClosedSegment> done = new ArrayList<>();
      synchronized (lock) {
        applyFailure = null;
        State s = state;
        state = new State(s.filling, null);
        pendingBytes -= g.bytes;
        appliedSeq = g.lastSeq;
        for (ClosedSegment seg : closedSegments) {
          if (seg.lastSeq() <= g.lastSeq) {
            done.add(seg);
          }
        }
        closedSegments.removeAll(done);
        lock.notifyAll();
      }
      recycleOrDelete(done);
    }
  }

  /**
   * Makes the first applied segment the spare, if there is none, and deletes the others. Why: a
   * segment's blocks are allocated and written, so overwriting it needs no metadata in the syncs of
   * the log (as for a zero-filled spare), and nothing has to be written to prepare it: zero filling
   * writes every byte of the log twice, and its bursts (64 MiB every few seconds at full load) took
   * CPU and disk time from the reply path. Recovery tells the new records from the old ones by
   * their sequence numbers (see {@link #recover}).
   */
  private void recycleOrDelete(List<ClosedSegment> done) {
    for (ClosedSegment seg : done) {
      // Under spareLock: a rotation takes the spare (and clears spareReady) under it too.
      synchronized (spareLock) {
        boolean recycle;
        synchronized (lock) {
          recycle = !spareReady && !closing;
        }
        if (recycle) {
          try {
            Files.move(seg.path(), directory.resolve(SPARE), StandardCopyOption.ATOMIC_MOVE);
            synchronized (lock) {
              spareReady = true;
              spareFailed = false;
              recycledSegments++;
            }
            continue;
          } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot recycle applied log segment " + seg, e);
          }
        }
      }
      try {
        Files.deleteIfExists(seg.path());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot delete applied log segment " + seg, e);
      }
    }
  }

  /** How many applied segments became the spare (for tests). */
  long recycledSegments() {
    synchronized (lock) {
      return recycledSegments;
    }
  }

  /**
   * Writes {@value #SPARE}: {@code segmentBytes} of zeros, synced, for the next rotation. On
   * failure segments just grow as they are written (slower syncs, same durability).
   */
  private void makeSpare() {
    Path spare = directory.resolve(SPARE);
    boolean ok = false;
    try (FileChannel ch =
        FileChannel.open(
            spare,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
      long written = 0;
      while (written < segmentBytes) {
        zeros.clear();
        zeros.limit((int) Math.min(ZERO_CHUNK, segmentBytes - written));
        written += ch.write(zeros, written);
        if (written % ZERO_SYNC_BYTES == 0) {
          // Small flushes: one flush of the whole segment held the log's own syncs for up to
          // 40 ms in a simulation on the development machine; 4 MiB flushes, under 10 ms.
          ch.force(false);
        }
        synchronized (lock) {
          if (closing) {
            return; // not ready, so never used; close deletes it
          }
        }
        // Paced: unpaced, the 64 MiB took a core for 40-250 ms (allocating page cache) and
        // stalled replies for as long on two cores. Paced, a spare takes at least 64 x 4 ms,
        // well within the time half a segment takes to fill even at full load.
        sleep(ZERO_PACE_MILLIS);
      }
      ch.force(true);
      ok = true;
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Cannot prepare a zero-filled write-ahead log segment; the next one grows as it is"
              + " written",
          e);
    }
    synchronized (lock) {
      if (ok) {
        spareReady = true;
      } else {
        spareFailed = true;
      }
    }
  }

  /** Whether a zero-filled spare segment is ready for the next rotation (for tests). */
  boolean spareReady() {
    synchronized (lock) {
      return spareReady;
    }
  }

  /** The sequence number of the last record applied to the inner engine (for tests). */
  long appliedSeq() {
    return appliedSeq;
  }

  /** The sequence number of the last record written (writer thread; for tests). */
  long lastSeq() {
    return lastSeq;
  }

  /** Waits until every record written so far is applied to the inner engine (for tests). */
  void awaitApplied() {
    long target = lastSeq;
    synchronized (lock) {
      while (appliedSeq < target && !closed) {
        try {
          lock.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reads

  @Override
  public byte @Nullable [] get(byte[] key) {
    checkOpen();
    if (Arrays.equals(key, APPLIED_KEY)) {
      return null;
    }
    // The state first, then the inner engine: a generation leaves the state only after it is
    // applied, so a write missing from the state captured here is visible to the read below.
    State s = state;
    byte[] v = s.filling.writes.get(key);
    if (v == null && s.applying != null) {
      v = s.applying.writes.get(key);
    }
    if (v != null) {
      return v == TOMBSTONE ? null : v.clone();
    }
    return inner.get(key);
  }

  @Override
  public byte @Nullable [][] getAll(byte[]... keys) {
    checkOpen();
    State s = state;
    byte[][] out = new byte[keys.length][];
    int[] misses = new int[keys.length];
    int missCount = 0;
    for (int i = 0; i < keys.length; i++) {
      byte[] v = Arrays.equals(keys[i], APPLIED_KEY) ? TOMBSTONE : s.filling.writes.get(keys[i]);
      if (v == null && s.applying != null) {
        v = s.applying.writes.get(keys[i]);
      }
      if (v == null) {
        misses[missCount++] = i;
      } else {
        out[i] = v == TOMBSTONE ? null : v.clone();
      }
    }
    if (missCount > 0) {
      byte[][] missing = new byte[missCount][];
      for (int m = 0; m < missCount; m++) {
        missing[m] = keys[misses[m]];
      }
      byte[][] found = inner.getAll(missing);
      for (int m = 0; m < missCount; m++) {
        out[misses[m]] = found[m];
      }
    }
    return out;
  }

  @Override
  public void scan(byte[] fromInclusive, byte @Nullable [] toExclusive, ScanVisitor v) {
    checkOpen();
    // The log's own position is bookkeeping, not data.
    ScanVisitor visitor = (k, val) -> Arrays.equals(k, APPLIED_KEY) || v.visit(k, val);
    State s = state;
    TreeMap<byte[], byte[]> pending = new TreeMap<>(UnsignedBytes.ORDER);
    if (s.applying != null) {
      pending.putAll(range(s.applying.writes, fromInclusive, toExclusive));
    }
    synchronized (lock) {
      pending.putAll(range(s.filling.writes, fromInclusive, toExclusive));
    }
    if (pending.isEmpty()) {
      inner.scan(fromInclusive, toExclusive, visitor);
      return;
    }
    Merge m = new Merge(pending.entrySet().iterator(), visitor);
    inner.scan(fromInclusive, toExclusive, m::visit);
    m.finish();
  }

  private static NavigableMap<byte[], byte[]> range(
      ConcurrentSkipListMap<byte[], byte[]> map, byte[] from, byte @Nullable [] to) {
    return to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
  }

  /** Merges the pending writes of a range into the inner engine's scan of it, in key order. */
  private static final class Merge {
    private final Iterator<Map.Entry<byte[], byte[]>> pending;
    private final ScanVisitor visitor;
    private Map.@Nullable Entry<byte[], byte[]> next;
    private boolean stopped;

    Merge(Iterator<Map.Entry<byte[], byte[]>> pending, ScanVisitor visitor) {
      this.pending = pending;
      this.visitor = visitor;
      this.next = pending.hasNext() ? pending.next() : null;
    }

    boolean visit(byte[] key, byte[] value) {
      while (next != null) {
        int c = UnsignedBytes.compare(next.getKey(), key);
        if (c > 0) {
          break;
        }
        Map.Entry<byte[], byte[]> e = next;
        next = pending.hasNext() ? pending.next() : null;
        if (c == 0) {
          return emit(e);
        }
        if (!emit(e)) {
          return false;
        }
      }
      if (!visitor.visit(key, value)) {
        stopped = true;
      }
      return !stopped;
    }

    private boolean emit(Map.Entry<byte[], byte[]> e) {
      byte[] v = e.getValue();
      if (v != TOMBSTONE && !visitor.visit(e.getKey().clone(), v.clone())) {
        stopped = true;
      }
      return !stopped;
    }

    void finish() {
      while (!stopped && next != null) {
        Map.Entry<byte[], byte[]> e = next;
        next = pending.hasNext() ? pending.next() : null;
        emit(e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Life cycle

  /** Applies everything written, then closes the log and the inner engine. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closing) {
        return;
      }
      closing = true;
      lock.notifyAll();
    }
    boolean interrupted = false;
    while (applier.isAlive()) {
      try {
        applier.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    boolean allApplied;
    synchronized (lock) {
      closed = true;
      allApplied = appliedSeq == lastSeq;
      lock.notifyAll();
    }
    try {
      channel.close();
      Files.deleteIfExists(directory.resolve(SPARE));
      if (allApplied) {
        // Nothing to replay: the next open starts without reading the log.
        for (Segment s : listSegments()) {
          Files.deleteIfExists(s.path());
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "Cannot close the write-ahead log", e);
    }
    inner.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops without applying or closing anything, as a killed process would (for tests). */
  void abandonForTest() {
    synchronized (lock) {
      closing = true;
      closed = true;
      // The applier may be mid-apply; it finishes that generation, as a killed process might.
      state = new State(new Generation(), null);
      lock.notifyAll();
    }
    try {
      applier.join();
      channel.close();
    } catch (InterruptedException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Storage engine on " + directory + " is closed");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Encoding

  private Path segmentPath(long firstSeq) {
    return directory.resolve(String.format("%s%020d%s", PREFIX, firstSeq, SUFFIX));
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for syncing; the data itself is still synced.
      LOG.log(System.Logger.Level.DEBUG, "Cannot sync directory " + directory, e);
    }
  }

  private static boolean allZero(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int crc(byte[] data, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(data, offset, length);
    return (int) c.getValue();
  }

  private static byte[] encodeSeq(long seq) {
    return ByteBuffer.allocate(8).putLong(seq).array();
  }

  private static long decodeSeq(byte @Nullable [] bytes) {
    if (bytes == null) {
      return 0;
    }
    if (bytes.length != 8) {
      throw new IllegalStateException(
          "Storage holds a malformed write-ahead log position (" + bytes.length + " bytes)");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
