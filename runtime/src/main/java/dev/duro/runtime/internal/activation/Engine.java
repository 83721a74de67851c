package dev.duro.runtime.internal.activation;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invocation;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.CodecException;
import dev.duro.runtime.AlarmRetryPolicy;
import dev.duro.runtime.internal.alarm.AlarmScheduler;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The runtime behind {@code dev.duro.runtime.ObjectRuntime}: the table of objects, call and alarm
 * dispatch, the idle sweep and graceful shutdown. Thread-safe.
 */
public final class Engine {
  final Map<String, ObjectBinding<Object>> bindings;
  final StorageEngine storage;
  final Committer committer;
  final TimeSource time;
  final Executor turnExecutor;
  final AlarmRetryPolicy retryPolicy;
  private final Duration idleTimeout;
  private final int maxQueuedTurnsPerObject;
  private final int maxActiveObjects;
  final int maxKeyBytes;
  final int maxValueBytes;
  private final long slowTurnNanos;
  private final LongAdder slowTurns = new LongAdder();
  private final AtomicBoolean trimming = new AtomicBoolean();
  private final LongAdder lruEvictions = new LongAdder();
  private static final System.Logger LOG = System.getLogger("dev.duro.runtime");
  private final Invoker localInvoker = this::call;

  private final ConcurrentHashMap<CellKey, ObjectCell> cells = new ConcurrentHashMap<>();
  private final AlarmScheduler<CellKey> alarms;

  /** Accepted calls and alarm turns whose outcome is not yet released. */
  private final AtomicLong outstanding = new AtomicLong();

  private volatile boolean closed;
  private final Object closeLock = new Object();
  private boolean closeStarted;
  private boolean closeFinished;
  private volatile TimeSource.@Nullable Cancellable sweep;

  /** Everything the engine needs; validated by the public builder. */
  public record Settings(
      Collection<ObjectBinding<?>> bindings,
      StorageEngine storage,
      Committer committer,
      TimeSource time,
      Executor turnExecutor,
      Duration idleTimeout,
      AlarmRetryPolicy retryPolicy,
      int maxQueuedTurnsPerObject,
      int maxActiveObjects,
      int maxKeyBytes,
      int maxValueBytes,
      Duration slowTurnThreshold) {}

  /**
   * Creates the engine and starts it: schedules every alarm found in the storage's alarm index and
   * the periodic idle sweep.
   *
   * @throws IllegalArgumentException if two bindings share a namespace or a namespace is invalid
   */
  @SuppressWarnings("unchecked")
  public Engine(Settings settings) {
    Map<String, ObjectBinding<Object>> byName = new LinkedHashMap<>();
    for (ObjectBinding<?> b : settings.bindings()) {
      String ns = b.namespace();
      NamespaceKey.of(ns);
      if (ns.length() > KeyLayout.MAX_NAMESPACE_LENGTH) {
        throw new IllegalArgumentException(
            "Namespace name \""
                + ns
                + "\" is longer than "
                + KeyLayout.MAX_NAMESPACE_LENGTH
                + " characters");
      }
      ObjectBinding<Object> previous = byName.put(ns, (ObjectBinding<Object>) b);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Two bindings for namespace "
                + ns
                + ": "
                + previous.objectClass().getName()
                + " and "
                + b.objectClass().getName());
      }
    }
    this.bindings = Collections.unmodifiableMap(byName);
    this.storage = settings.storage();
    this.committer = settings.committer();
    this.time = settings.time();
    this.turnExecutor = settings.turnExecutor();
    this.retryPolicy = settings.retryPolicy();
    this.idleTimeout = settings.idleTimeout();
    this.maxQueuedTurnsPerObject = settings.maxQueuedTurnsPerObject();
    this.maxActiveObjects = settings.maxActiveObjects();
    this.maxKeyBytes = settings.maxKeyBytes();
    this.maxValueBytes = settings.maxValueBytes();
    this.slowTurnNanos = settings.slowTurnThreshold().toNanos();
    this.alarms = new AlarmScheduler<>(time, this::fireAlarm);
    loadAlarms();
    scheduleSweep();
  }

  /** The bindings, in the order given. */
  public Collection<ObjectBinding<?>> bindings() {
    return Collections.unmodifiableCollection(bindings.values());
  }

  // ------------------------------------------------------------------------------------------
  // Calls

  /** See {@code ObjectRuntime.call}; the call context is the calling thread's. Never throws. */
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request) {
    return call(namespace, id, method, request, CallContext.current());
  }

  /** An invoker over {@link #call}: inside a turn, calls carry the turn's chain and deadline. */
  public Invoker localInvoker() {
    return localInvoker;
  }

  /** See {@code ObjectRuntime.call}. Never throws. */
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request, CallContext caller) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    if (namespace == null || id == null || method == null || request == null) {
      return CompletableFuture.failedFuture(
          new InvalidRequestException("namespace, id, method and request must not be null"));
    }
    ObjectBinding<Object> binding = bindings.get(namespace);
    if (binding == null) {
      return CompletableFuture.failedFuture(
          new UnknownMethodException(
              "No namespace '"
                  + namespace
                  + "' on this host; it has "
                  + bindings.keySet()
                  + (bindings.isEmpty()
                      ? " (no binding was found: is the Duro annotation processor on the"
                          + " annotation processor path, or were bindings passed explicitly?)"
                      : "")));
    }
    try {
      NamespaceKey.of(namespace).check(id);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(e.getMessage(), e));
    }
    if (caller == null) {
      caller = CallContext.none();
    }
    if (!caller.chain().isEmpty()) {
      String cycle = caller.cycleTo(CallContext.reference(namespace, id));
      if (cycle != null) {
        return CompletableFuture.failedFuture(
            new CallCycleException(
                "Call "
                    + namespace
                    + "."
                    + method
                    + " would deadlock the call cycle "
                    + cycle
                    + ": each object waits for the next; nothing was run"));
      }
    }
    if (caller.isExpired()) {
      return CompletableFuture.failedFuture(
          new DeadlineExceededException(
              "Deadline of " + namespace + "." + method + " passed before it was sent; not run"));
    }
    Invocation<Object> invocation;
    try {
      invocation = binding.decode(method, request);
    } catch (UnknownMethodException e) {
      return CompletableFuture.failedFuture(e);
    } catch (CodecException e) {
      return CompletableFuture.failedFuture(
          new InvalidRequestException(
              "Malformed request for " + namespace + "." + method + ": " + e.getMessage(), e));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new InvalidRequestException(
              "Request for " + namespace + "." + method + " could not be decoded: " + e, e));
    }
    if (!enter()) {
      return CompletableFuture.failedFuture(closedException());
    }
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    reply.whenComplete((r, e) -> exit());
    ObjectCell cell;
    try {
      cell = acquire(binding, new CellKey(namespace, id), id, true);
    } catch (DuroException e) {
      reply.completeExceptionally(e);
      return reply;
    }
    CallContext context = caller;
    CompletableFuture<byte[]> result = withDeadline(reply, context, namespace, method);
    cell.queue.execute(() -> cell.runCall(invocation, context, method, reply));
    return result;
  }

  /**
   * The caller's view of {@code reply}: failed with {@link DeadlineExceededException} when the
   * deadline passes first. The turn itself is tracked by {@code reply} (shutdown waits for it).
   */
  private static CompletableFuture<byte[]> withDeadline(
      CompletableFuture<byte[]> reply, CallContext context, String namespace, String method) {
    if (!context.hasDeadline()) {
      return reply;
    }
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    reply.whenComplete(
        (r, e) -> {
          if (e == null) {
            result.complete(r);
          } else {
            result.completeExceptionally(e);
          }
        });
    long remaining = Math.max(0, context.remainingNanos());
    CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS)
        .execute(
            () ->
                result.completeExceptionally(
                    new DeadlineExceededException(
                        "Deadline of "
                            + namespace
                            + "."
                            + method
                            + " passed before its reply; the turn may still run and commit")));
    return result;
  }

  private ObjectCell acquire(
      ObjectBinding<Object> binding, CellKey key, ObjectId id, boolean bounded) {
    while (true) {
      ObjectCell cell = cells.get(key);
      if (cell == null) {
        cell = cells.computeIfAbsent(key, k -> new ObjectCell(this, binding, k, id));
        if (cells.size() > maxActiveObjects) {
          trimToCap();
        }
      }
      synchronized (cell.lock) {
        if (!cell.retired) {
          if (bounded && cell.queued >= maxQueuedTurnsPerObject) {
            throw new OverloadedException(
                "Object "
                    + cell
                    + " has "
                    + cell.queued
                    + " turns waiting, the limit; nothing was run, retry later");
          }
          cell.queued++;
          cell.adoptName(id);
          return cell;
        }
      }
      // Evicted between lookup and lock: it is being removed; use (or make) its successor.
      cells.remove(key, cell);
    }
  }

  void submit(ObjectCell cell, PendingCommit pc) {
    CompletableFuture<Void> f;
    try {
      f = committer.commit(java.util.Objects.requireNonNull(pc.batch));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((v, e) -> cell.committed(pc, e));
  }

  long nowMillis() {
    return time.now().toEpochMilli();
  }

  // ------------------------------------------------------------------------------------------
  // Alarms

  private void loadAlarms() {
    storage.scan(
        KeyLayout.alarmIndexStart(),
        KeyLayout.alarmIndexEnd(),
        (k, v) -> {
          KeyLayout.IndexEntry e;
          try {
            e = KeyLayout.parseAlarmIndex(k, v);
          } catch (IllegalArgumentException malformed) {
            return true;
          }
          // Alarms of namespaces this host does not serve stay stored for a host that does.
          if (bindings.containsKey(e.namespace())) {
            alarms.schedule(new CellKey(e.namespace(), e.id()), e.id(), e.timeMillis());
          }
          return true;
        });
  }

  private void fireAlarm(CellKey key, ObjectId id, long scheduledMillis, int retryCount) {
    ObjectBinding<Object> binding = bindings.get(key.namespace());
    if (binding == null || !enter()) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete((r, e) -> exit());
    ObjectCell cell = acquire(binding, key, id, false);
    cell.queue.execute(() -> cell.runAlarm(scheduledMillis, retryCount, done));
  }

  void applyAlarmAction(ObjectCell cell, AlarmAction a) {
    switch (a.kind) {
      case SET:
        alarms.schedule(cell.key, cell.id, a.scheduledMillis);
        break;
      case CANCEL:
        alarms.cancel(cell.key);
        break;
      case RETRY:
        alarms.schedule(
            cell.key,
            cell.id,
            a.scheduledMillis,
            a.retryCount,
            java.util.Objects.requireNonNull(a.runAt));
        break;
    }
  }

  /**
   * After a failed commit, points the object's timer at its durable alarm again (the failed commit
   * may have replaced it). An overdue alarm waits one initial retry delay, so a storage outage does
   * not spin.
   */
  void resyncAlarm(ObjectCell cell) {
    Long stored;
    try {
      stored = KeyLayout.parseAlarmValue(storage.get(cell.alarmKey()));
    } catch (RuntimeException e) {
      return;
    }
    if (stored == null) {
      alarms.cancel(cell.key);
      return;
    }
    Instant retryAt = time.now().plus(retryPolicy.initialDelay());
    Instant at = Instant.ofEpochMilli(stored);
    alarms.schedule(cell.key, cell.id, stored, 0, at.isAfter(retryAt) ? at : retryAt);
  }

  /** The time the alarm timer of an object is set for; for tests and tools. */
  public @Nullable Instant scheduledAlarm(String namespace, ObjectId id) {
    Long t = alarms.scheduledMillis(new CellKey(namespace, id));
    return t == null ? null : Instant.ofEpochMilli(t);
  }

  // ------------------------------------------------------------------------------------------
  // Eviction

  private void scheduleSweep() {
    if (closed) {
      return;
    }
    Duration period = idleTimeout.dividedBy(2);
    if (period.compareTo(Duration.ofSeconds(1)) < 0) {
      period = Duration.ofSeconds(1);
    } else if (period.compareTo(Duration.ofMinutes(1)) > 0) {
      period = Duration.ofMinutes(1);
    }
    Duration p = period;
    sweep =
        time.schedule(
            time.now().plus(p),
            () -> {
              evict(false);
              scheduleSweep();
            });
  }

  /**
   * Evicts objects with no queued or running turn and no pending commit that were idle for the idle
   * timeout ({@code all == false}) or regardless of time; returns how many.
   */
  public int evict(boolean all) {
    long now = nowMillis();
    long idle = idleTimeout.toMillis();
    int n = 0;
    for (ObjectCell cell : cells.values()) {
      if (cell.tryRetire(now, idle, all)) {
        cells.remove(cell.key, cell);
        n++;
      }
    }
    return n;
  }

  /**
   * Over the activation cap: evicts the least recently used objects that have no queued or running
   * turn and no pending commit, down to 90% of the cap (so the sort is paid once per many
   * activations). One trim at a time, on the turn executor; activations meanwhile may overshoot the
   * cap briefly.
   */
  private void trimToCap() {
    if (!trimming.compareAndSet(false, true)) {
      return;
    }
    try {
      turnExecutor.execute(
          () -> {
            try {
              trimNow();
            } finally {
              trimming.set(false);
            }
          });
    } catch (RuntimeException rejected) {
      trimming.set(false);
    }
  }

  private void trimNow() {
    int target = maxActiveObjects - Math.max(1, maxActiveObjects / 10);
    int excess = cells.size() - target;
    if (excess <= 0) {
      return;
    }
    List<ObjectCell> all = new ArrayList<>(cells.values());
    long[] stamps = new long[all.size()];
    Integer[] order = new Integer[all.size()];
    for (int i = 0; i < stamps.length; i++) {
      stamps[i] = all.get(i).lastUse;
      order[i] = i;
    }
    // nanoTime stamps are compared by difference: they may wrap.
    Arrays.sort(order, (a, b) -> Long.signum(stamps[a] - stamps[b]));
    long now = nowMillis();
    for (int i = 0; i < order.length && excess > 0; i++) {
      ObjectCell cell = all.get(order[i]);
      if (cell.tryRetire(now, 0, true)) {
        cells.remove(cell.key, cell);
        lruEvictions.increment();
        excess--;
      }
    }
  }

  /** Objects evicted because of the activation cap. */
  public long lruEvictions() {
    return lruEvictions.sum();
  }

  /** Objects in the table (active, or holding pending state). */
  public int objectCount() {
    return cells.size();
  }

  // ------------------------------------------------------------------------------------------
  // Slow turns

  /** Called by a cell after user code of a turn returned or threw. */
  void turnEnded(ObjectCell cell, String method, long startedNanos) {
    long took = System.nanoTime() - startedNanos;
    if (took > slowTurnNanos) {
      slowTurns.increment();
      LOG.log(
          System.Logger.Level.WARNING,
          "Slow turn: {0}.{1} on {2} ran {3} ms, over the threshold of {4} ms",
          cell.key.namespace(),
          method,
          cell,
          TimeUnit.NANOSECONDS.toMillis(took),
          TimeUnit.NANOSECONDS.toMillis(slowTurnNanos));
    }
  }

  /** Turns that ran longer than the slow-turn threshold since start. */
  public long slowTurnCount() {
    return slowTurns.sum();
  }

  /** Objects with an instance in memory. */
  public int activeObjectCount() {
    int n = 0;
    for (ObjectCell cell : cells.values()) {
      if (cell.active) {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------------------------------
  // Shutdown

  private boolean enter() {
    outstanding.incrementAndGet();
    if (closed) {
      exit();
      return false;
    }
    return true;
  }

  private void exit() {
    if (outstanding.decrementAndGet() == 0 && closed) {
      synchronized (closeLock) {
        closeLock.notifyAll();
      }
    }
  }

  private static TransportException closedException() {
    return new TransportException("The Duro runtime is closed; the call was not run");
  }

  /**
   * Stops accepting calls and alarms, waits until every accepted turn finished and its commit is
   * durable, then closes the committer and the storage engine. Idempotent; a concurrent second call
   * waits for the first.
   */
  public void close() {
    boolean interrupted = false;
    synchronized (closeLock) {
      if (closeStarted) {
        while (!closeFinished) {
          try {
            closeLock.wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      closeStarted = true;
      closed = true;
      while (outstanding.get() > 0) {
        try {
          closeLock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    try {
      TimeSource.Cancellable s = sweep;
      if (s != null) {
        s.cancel();
      }
      alarms.cancelAll();
      try {
        committer.close();
      } finally {
        storage.close();
      }
    } finally {
      synchronized (closeLock) {
        closeFinished = true;
        closeLock.notifyAll();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }
}
