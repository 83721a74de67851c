package dev.duro.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The two load shapes every benchmark uses, over any asynchronous operation.
 *
 * <ul>
 *   <li>{@link #closedLoop}: pipelined callers. Each of {@code drivers} threads keeps its share of
 *       {@code window} calls in flight and sends the next as soon as one completes; this finds the
 *       peak rate. Latency is from send to completion.
 *   <li>{@link #fixedRate}: one thread sends at a fixed rate whatever the replies do. Latency is
 *       measured from the time each call was <em>due</em> to be sent, so a stall shows as latency
 *       of every call it delayed (no coordinated omission).
 * </ul>
 *
 * <p>Both run a warm-up (results discarded) and then measure over a fixed interval; the fixed rate
 * also keeps warming up until the JIT compilers are idle, as latency at a fixed rate is what a late
 * compilation disturbs most.
 */
final class Load {
  private Load() {}

  /** Counts failed calls and prints the first one, so an error count is never a mystery. */
  private static final class Errors {
    private final LongAdder count = new LongAdder();
    private final AtomicBoolean reported = new AtomicBoolean();

    void add(Throwable e) {
      count.increment();
      if (reported.compareAndSet(false, true)) {
        Bench.progress("first failed call: " + e);
      }
    }

    long sum() {
      return count.sum();
    }
  }

  /** One operation; {@code seq} distinguishes calls (pick the object from it). */
  @FunctionalInterface
  interface Op {
    CompletableFuture<?> call(long seq);
  }

  /** What one measured interval gave. {@code cpu} is {own, second process, others} in cores. */
  record Result(
      String name, long ops, double seconds, long errors, Histogram latency, double[] cpu) {
    double rate() {
      return ops / seconds;
    }
  }

  static Result closedLoop(
      String name, Op op, int drivers, int window, Duration warmup, Duration measure, long otherPid)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    LongAdder done = new LongAdder();
    Errors errors = new Errors();
    int perDriver = Math.max(1, window / drivers);
    List<Thread> threads = new ArrayList<>();
    Semaphore[] windows = new Semaphore[drivers];
    AtomicBoolean stop = new AtomicBoolean();
    for (int d = 0; d < drivers; d++) {
      Semaphore sem = new Semaphore(perDriver);
      windows[d] = sem;
      int driver = d;
      Thread t =
          new Thread(
              () -> {
                long k = 0;
                while (true) {
                  if (stop.get()) {
                    return;
                  }
                  for (int burst = 0; burst < 64; burst++) {
                    sem.acquireUninterruptibly();
                    long seq = k++ * drivers + driver;
                    long t0 = System.nanoTime();
                    CompletableFuture<?> f;
                    try {
                      f = op.call(seq);
                    } catch (RuntimeException e) {
                      errors.add(e);
                      sem.release();
                      continue;
                    }
                    f.whenComplete(
                        (r, e) -> {
                          recorder.recordValue(System.nanoTime() - t0);
                          if (e == null) {
                            done.increment();
                          } else {
                            errors.add(e);
                          }
                          sem.release();
                        });
                  }
                }
              },
              "bench-driver-" + d);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    Result r = measure(name, warmup, measure, done, errors, recorder, otherPid, false);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    drain(windows, perDriver);
    return r;
  }

  /** The shortest sleep of the fixed-rate pacer. */
  private static final long PACER_TICK_NANOS = 100_000;

  private static final Duration MAX_SETTLE = Duration.ofSeconds(60);

  static Result fixedRate(
      String name, Op op, double perSecond, Duration warmup, Duration measure, long otherPid)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    LongAdder done = new LongAdder();
    Errors errors = new Errors();
    // A bound on memory only: far above any window that the system under test could sustain.
    int maxInFlight = 100_000;
    Semaphore sem = new Semaphore(maxInFlight);
    double interval = 1e9 / perSecond;
    AtomicBoolean stop = new AtomicBoolean();
    Thread pacer =
        new Thread(
            () -> {
              long start = System.nanoTime();
              long i = 0;
              while (true) {
                if (stop.get()) {
                  return;
                }
                long due = start + (long) (i * interval);
                long now = System.nanoTime();
                if (due > now) {
                  // Sleep, never spin: on 2 cores a spinning pacer takes a core from the system
                  // under test (earlier runs lost half the machine to it). Calls due while it
                  // sleeps go out together on waking, and their latency counts from when they
                  // were due, so the pacer's own lateness is measured, not hidden.
                  LockSupport.parkNanos(Math.max(PACER_TICK_NANOS, due - now));
                  continue;
                }
                // Everything due by now goes out at once (the park may have overslept).
                for (int burst = 0; burst < 10_000 && due <= System.nanoTime(); burst++) {
                  sem.acquireUninterruptibly();
                  long intended = due;
                  CompletableFuture<?> f;
                  try {
                    f = op.call(i);
                  } catch (RuntimeException e) {
                    errors.add(e);
                    sem.release();
                    i++;
                    due = start + (long) (i * interval);
                    continue;
                  }
                  f.whenComplete(
                      (r, e) -> {
                        recorder.recordValue(Math.max(0, System.nanoTime() - intended));
                        if (e == null) {
                          done.increment();
                        } else {
                          errors.add(e);
                        }
                        sem.release();
                      });
                  i++;
                  due = start + (long) (i * interval);
                }
              }
            },
            "bench-pacer");
    pacer.setDaemon(true);
    pacer.start();
    Result r = measure(name, warmup, measure, done, errors, recorder, otherPid, true);
    stop.set(true);
    pacer.join();
    drain(new Semaphore[] {sem}, maxInFlight);
    return r;
  }

  /**
   * Runs exactly {@code count} operations from the calling thread, {@code window} in flight, and
   * waits for all of them.
   *
   * @return the number that failed
   */
  static long pipelined(long count, int window, Op op) throws InterruptedException {
    Semaphore sem = new Semaphore(window);
    Errors errors = new Errors();
    for (long i = 0; i < count; i++) {
      sem.acquire();
      CompletableFuture<?> f;
      try {
        f = op.call(i);
      } catch (RuntimeException e) {
        errors.add(e);
        sem.release();
        continue;
      }
      f.whenComplete(
          (r, e) -> {
            if (e != null) {
              errors.add(e);
            }
            sem.release();
          });
    }
    drain(new Semaphore[] {sem}, window);
    return errors.sum();
  }

  private static Result measure(
      String name,
      Duration warmup,
      Duration measure,
      LongAdder done,
      Errors errors,
      Recorder recorder,
      long otherPid,
      boolean settle)
      throws InterruptedException {
    Thread.sleep(warmup.toMillis());
    if (settle) {
      Duration limit = warmup.multipliedBy(6);
      awaitJitQuiet(limit.compareTo(MAX_SETTLE) < 0 ? limit : MAX_SETTLE);
    }
    long ops0 = done.sum();
    long errors0 = errors.sum();
    if (errors0 > 0) {
      // Not the case's result (a cold JIT can fall behind a fixed rate at first), but shown.
      Bench.progress(errors0 + " calls failed during the warm-up of " + name + " (not counted)");
    }
    recorder.getIntervalHistogram(); // discards the warm-up
    Machine.CpuMeter cpu = new Machine.CpuMeter(otherPid);
    long t0 = System.nanoTime();
    Thread.sleep(measure.toMillis());
    long ops1 = done.sum();
    long t1 = System.nanoTime();
    Histogram h = recorder.getIntervalHistogram();
    double[] cores = cpu.cores();
    return new Result(name, ops1 - ops0, (t1 - t0) / 1e9, errors.sum() - errors0, h, cores);
  }

  /**
   * Keeps the warm-up load running until the JIT compilers have been idle for 2 s, at most {@code
   * limit} more (six times the warm-up, at most 60 s). Why: at half of the peak on 2 cores, a C2
   * compilation still running takes a core for hundreds of milliseconds, and a run measured right
   * after a 5 s warm-up showed p99 latencies of hundreds of milliseconds that had nothing to do
   * with the system under test.
   */
  private static void awaitJitQuiet(Duration limit) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.nanoTime() + limit.toNanos();
    long last = jit.getTotalCompilationTime();
    int quiet = 0;
    while (System.nanoTime() < deadline && quiet < 20) {
      Thread.sleep(100);
      long now = jit.getTotalCompilationTime();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
    Bench.progress(
        quiet >= 20
            ? "JIT idle for 2 s; measuring"
            : "JIT still compiling after " + limit.toSeconds() + " s more warm-up; measuring");
  }

  // Waits for calls still in flight, so the next phase starts on a quiet system.
  private static void drain(Semaphore[] windows, int permits) throws InterruptedException {
    for (Semaphore s : windows) {
      if (!s.tryAcquire(permits, 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("calls still in flight 60 s after the load stopped");
      }
    }
  }
}
