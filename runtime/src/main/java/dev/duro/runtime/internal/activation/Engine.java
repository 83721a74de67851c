package dev.duro.runtime.internal.activation;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invocation;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import dev.duro.binding.StreamInvocation;
import dev.duro.binding.Streams;
import dev.duro.codec.CodecException;
import dev.duro.runtime.AlarmRetryPolicy;
import dev.duro.runtime.StuckTurn;
import dev.duro.runtime.internal.alarm.AlarmScheduler;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.internal.storage.UnsignedBytes;
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
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
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
  private final TurnWatchdog watchdog;
  private final AtomicBoolean trimming = new AtomicBoolean();
  private final LongAdder lruEvictions = new LongAdder();
  private final LongAdder abandonedAlarms = new LongAdder();

  /**
   * Alarm turns dispatched and not yet ended, at least: bounds the cells a mass firing creates at
   * once, while keeping enough turns in flight to fill group commits.
   */
  private static final int MAX_ALARM_TURNS_IN_FLIGHT = 10_000;

  private static final System.Logger LOG = System.getLogger("dev.duro.runtime");
  private final int streamBufferSize;
  private final Invoker localInvoker =
      new Invoker() {
        @Override
        public CompletableFuture<byte[]> call(
            String namespace, ObjectId id, String method, byte[] request) {
          return Engine.this.call(namespace, id, method, request);
        }

        @Override
        public Flow.Publisher<byte[]> stream(
            String namespace, ObjectId id, String method, byte[] request) {
          return Engine.this.stream(namespace, id, method, request);
        }
      };

  private final ConcurrentHashMap<CellKey, ObjectCell> cells = new ConcurrentHashMap<>();
  private final Set<CellKey> overloaded = ConcurrentHashMap.newKeySet();
  private final StoredObjects stored;
  private final AlarmScheduler<CellKey> alarms;

  /**
   * Accepted calls and alarm turns whose outcome is not yet released. A LongAdder: every call adds
   * on its caller's thread and subtracts on the thread completing it, so one shared counter would
   * bounce its cache line between all of them on every call. Only shutdown reads the sum, after
   * setting closed, so a call either is counted in it or sees closed.
   */
  private final LongAdder outstanding = new LongAdder();

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
      Duration slowTurnThreshold,
      int alarmWindow,
      int streamBufferSize) {}

  /**
   * Creates the engine and starts it: reads the first page of the storage's alarm index into the
   * alarm scheduler and schedules the periodic idle sweep.
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
    this.streamBufferSize = settings.streamBufferSize();
    this.watchdog = new TurnWatchdog(settings.slowTurnThreshold());
    this.stored = new StoredObjects(storage);
    this.alarms =
        new AlarmScheduler<>(
            time,
            this::fireAlarm,
            this::scanAlarmIndex,
            settings.alarmWindow(),
            Math.max(settings.alarmWindow(), MAX_ALARM_TURNS_IN_FLIGHT));
    alarms.start();
    scheduleSweep();
    watchdog.start();
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
    CompletableFuture<byte[]> result = callerView(reply, context, namespace, method);
    cell.queue.execute(() -> cell.runCall(invocation, context, method, reply, result));
    return result;
  }

  /**
   * A publisher whose every subscription calls the streaming method {@code method}; see {@code
   * ObjectRuntime.stream}. The call context is the subscribing thread's at subscription time.
   */
  public Flow.Publisher<byte[]> stream(
      String namespace, ObjectId id, String method, byte[] request) {
    if (namespace == null || id == null || method == null || request == null) {
      return Streams.failed(
          new InvalidRequestException("namespace, id, method and request must not be null"));
    }
    byte[] copy = request.clone();
    return subscriber -> subscribe(namespace, id, method, copy, subscriber, CallContext.current());
  }

  private void subscribe(
      String namespace,
      ObjectId id,
      String method,
      byte[] request,
      Flow.Subscriber<? super byte[]> subscriber,
      CallContext caller) {
    java.util.Objects.requireNonNull(subscriber, "subscriber");
    ObjectBinding<Object> binding;
    StreamInvocation<Object> invocation;
    try {
      binding = route(namespace, id, method, caller);
      try {
        invocation = binding.decodeStream(method, request);
      } catch (CodecException e) {
        throw new InvalidRequestException(
            "Malformed request for " + namespace + "." + method + ": " + e.getMessage(), e);
      } catch (UnknownMethodException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InvalidRequestException(
            "Request for " + namespace + "." + method + " could not be decoded: " + e, e);
      }
    } catch (DuroException e) {
      Streams.<byte[]>failed(e).subscribe(subscriber);
      return;
    }
    if (!enter()) {
      Streams.<byte[]>failed(closedException()).subscribe(subscriber);
      return;
    }
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    reply.whenComplete((r, e) -> exit());
    ObjectCell cell;
    StreamSink sink;
    while (true) {
      try {
        cell = acquire(binding, new CellKey(namespace, id), id, true);
      } catch (DuroException e) {
        reply.completeExceptionally(e);
        Streams.<byte[]>failed(e).subscribe(subscriber);
        return;
      }
      sink =
          new StreamSink(
              cell,
              subscriber,
              turnExecutor,
              streamBufferSize,
              namespace + "." + method + " of " + cell);
      if (cell.streamOpened(sink)) {
        break;
      }
      cell.cancelAccepted();
    }
    StreamSink s = sink;
    ObjectCell c = cell;
    // The subscribe turn is skipped if the subscriber cancels before it starts.
    CompletableFuture<byte[]> turnView = new CompletableFuture<>();
    reply.whenComplete(
        (r, e) -> {
          if (e != null) {
            s.failByRuntime(e);
            turnView.completeExceptionally(e);
          } else {
            s.established();
            turnView.complete(r);
          }
        });
    s.subscribeTurn(turnView);
    subscriber.onSubscribe(s);
    Invocation<Object> call =
        instance -> {
          s.attach(instance);
          invocation.invoke(instance, s);
          return new byte[0];
        };
    c.queue.execute(() -> c.runCall(call, caller, method, reply, turnView));
  }

  /**
   * Checks a call's target and chain; returns the binding.
   *
   * @throws DuroException (closed, unknown namespace, invalid id, cycle, deadline passed)
   */
  private ObjectBinding<Object> route(
      String namespace, ObjectId id, String method, CallContext caller) {
    if (closed) {
      throw closedException();
    }
    ObjectBinding<Object> binding = bindings.get(namespace);
    if (binding == null) {
      throw new UnknownMethodException(
          "No namespace '" + namespace + "' on this host; it has " + bindings.keySet());
    }
    try {
      NamespaceKey.of(namespace).check(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage(), e);
    }
    if (!caller.chain().isEmpty()) {
      String cycle = caller.cycleTo(CallContext.reference(namespace, id));
      if (cycle != null) {
        throw new CallCycleException(
            "Call "
                + namespace
                + "."
                + method
                + " would deadlock the call cycle "
                + cycle
                + ": each object waits for the next; nothing was run");
      }
    }
    if (caller.isExpired()) {
      throw new DeadlineExceededException(
          "Deadline of " + namespace + "." + method + " passed before it was sent; not run");
    }
    return binding;
  }

  /**
   * Runs the close actions of {@code sink} in a turn of its object, if the instance that received
   * it is still active; see {@link dev.duro.EventSink#onClose}. Never throws.
   */
  void runCloseActions(ObjectCell cell, StreamSink sink) {
    if (closed || !cell.active || cells.get(cell.key) != cell || !enter()) {
      return;
    }
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    done.whenComplete(
        (r, e) -> {
          exit();
          if (e != null) {
            LOG.log(
                System.Logger.Level.WARNING,
                "A close action of " + sink + " failed; its writes were rolled back",
                e);
          }
        });
    if (!cell.acceptUnbounded()) {
      done.complete(null);
      return;
    }
    Invocation<Object> body =
        instance -> {
          if (sink.owner() == instance) {
            sink.runCloseActions();
          }
          return new byte[0];
        };
    cell.queue.execute(
        () -> cell.runCall(body, CallContext.none(), "EventSink.onClose", done, done));
  }

  /** See {@code ObjectRuntime.endStreams}. */
  public void endStreams(String reason) {
    TransportException ending = new TransportException(reason);
    for (ObjectCell cell : cells.values()) {
      cell.failSinks(null, ending);
    }
  }

  /** Streams not yet ended, over all objects; for tests and tools. */
  public int openStreamCount() {
    int n = 0;
    for (ObjectCell cell : cells.values()) {
      n += cell.openStreamCount();
    }
    return n;
  }

  /**
   * The caller's view of {@code reply}: failed with {@link DeadlineExceededException} when the
   * deadline passes first; cancelling it before the turn starts skips the turn (a transport cancels
   * it when its client goes away). The turn itself is tracked by {@code reply} (shutdown waits for
   * it), which is why the caller never gets {@code reply} itself.
   */
  private static CompletableFuture<byte[]> callerView(
      CompletableFuture<byte[]> reply, CallContext context, String namespace, String method) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    reply.whenComplete(
        (r, e) -> {
          if (e == null) {
            result.complete(r);
          } else {
            result.completeExceptionally(e);
          }
        });
    if (!context.hasDeadline()) {
      return result;
    }
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
          if (bounded && (cell.queued >= maxQueuedTurnsPerObject || overloaded.contains(key))) {
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

  // ------------------------------------------------------------------------------------------
  // Inspection, for tools and the test kit

  /**
   * Runs {@code body} as a turn of the object (activating it first), with its instance and context;
   * the turn commits like a call's. See {@code ObjectRuntime.runInObject}. Never throws.
   */
  public <R> CompletableFuture<R> runInObject(
      String namespace, ObjectId id, BiFunction<Object, ObjectContext, R> body) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    ObjectBinding<Object> binding = bindings.get(namespace);
    if (binding == null) {
      return CompletableFuture.failedFuture(
          new UnknownMethodException(
              "No namespace '" + namespace + "' on this host; it has " + bindings.keySet()));
    }
    try {
      NamespaceKey.of(namespace).check(id);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(e.getMessage(), e));
    }
    if (!enter()) {
      return CompletableFuture.failedFuture(closedException());
    }
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    reply.whenComplete((r, e) -> exit());
    // Not bounded by the queue limit: a test inspecting an object it made overloaded must get in.
    ObjectCell cell = acquire(binding, new CellKey(namespace, id), id, false);
    AtomicReference<R> result = new AtomicReference<>();
    Invocation<Object> invocation =
        instance -> {
          result.set(body.apply(instance, cell.context));
          return new byte[0];
        };
    CallContext context = CallContext.current();
    CompletableFuture<byte[]> view = callerView(reply, context, namespace, "runInObject");
    cell.queue.execute(() -> cell.runCall(invocation, context, "runInObject", reply, view));
    return view.thenApply(r -> result.get());
  }

  /**
   * Objects of {@code namespace} with stored state or an alarm, with their names where stored (or
   * known to an object in memory).
   */
  public List<ObjectId> listObjects(String namespace) {
    return stored.list(
        namespace,
        id -> {
          ObjectCell cell = cells.get(new CellKey(namespace, id));
          return cell == null ? null : cell.id;
        });
  }

  /** The committed {@code @Persist} field encodings of an object. */
  public Map<String, byte[]> storedFields(String namespace, ObjectId id) {
    return stored.fields(namespace, id);
  }

  /** The committed storage entries of an object, in storage key order. */
  public SortedMap<String, byte[]> storedEntries(String namespace, ObjectId id) {
    return stored.entries(namespace, id);
  }

  /** The committed alarm of an object. */
  public Optional<Instant> storedAlarm(String namespace, ObjectId id) {
    return stored.alarm(namespace, id);
  }

  /** Evicts one object if it has no queued or running turn and no pending commit. */
  public boolean evict(String namespace, ObjectId id) {
    ObjectCell cell = cells.get(new CellKey(namespace, id));
    if (cell != null && cell.tryRetire(nowMillis(), 0, true)) {
      cells.remove(cell.key, cell);
      return true;
    }
    return false;
  }

  /** Makes calls to an object fail with {@link OverloadedException} (or stop doing so). */
  public void setOverloaded(String namespace, ObjectId id, boolean overload) {
    CellKey key = new CellKey(namespace, id);
    if (overload) {
      overloaded.add(key);
    } else {
      overloaded.remove(key);
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

  /** The scheduler's view of the alarm index: one page at a time, from a position. */
  private void scanAlarmIndex(byte[] from, AlarmScheduler.Visitor<CellKey> visitor) {
    byte[] start = KeyLayout.alarmIndexStart();
    storage.scan(
        UnsignedBytes.compare(from, start) < 0 ? start : from,
        KeyLayout.alarmIndexEnd(),
        (k, v) -> {
          KeyLayout.IndexEntry e;
          try {
            e = KeyLayout.parseAlarmIndex(k, v);
          } catch (IllegalArgumentException malformed) {
            return visitor.visit(k, null, null, KeyLayout.alarmIndexTime(k));
          }
          // Alarms of namespaces this host does not serve stay stored for a host that does.
          if (!bindings.containsKey(e.namespace())) {
            return visitor.visit(k, null, null, e.timeMillis());
          }
          return visitor.visit(k, new CellKey(e.namespace(), e.id()), e.id(), e.timeMillis());
        });
  }

  private void fireAlarm(
      CellKey key, ObjectId id, long scheduledMillis, int retryCount, Runnable ended) {
    ObjectBinding<Object> binding = bindings.get(key.namespace());
    if (binding == null || !enter()) {
      ended.run();
      return;
    }
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    done.whenComplete(
        (r, e) -> {
          exit();
          ended.run();
        });
    ObjectCell cell = acquire(binding, key, id, false);
    cell.queue.execute(() -> cell.runAlarm(scheduledMillis, retryCount, done));
  }

  void applyAlarmAction(ObjectCell cell, AlarmAction a) {
    switch (a.kind) {
      case SET:
        alarms.set(
            cell.key,
            cell.id,
            a.scheduledMillis,
            KeyLayout.alarmIndex(a.scheduledMillis, cell.prefix));
        break;
      case CANCEL:
        alarms.cancel(cell.key);
        break;
      case RETRY:
        alarms.retry(
            cell.key,
            cell.id,
            a.scheduledMillis,
            KeyLayout.alarmIndex(a.scheduledMillis, cell.prefix),
            a.retryCount,
            java.util.Objects.requireNonNull(a.runAt));
        break;
    }
  }

  /** Removes the object's scheduled alarm firing; returns its retry count (see the scheduler). */
  int takeScheduledAlarm(ObjectCell cell, long scheduledMillis) {
    return alarms.take(cell.key, scheduledMillis);
  }

  /**
   * When retry {@code retry} (1-based) of the alarm of {@code cell} set for {@code scheduledMillis}
   * runs: the policy's delay after now, plus its jitter. The jitter fraction is a hash of the
   * object, the alarm and the retry: retries of many objects that failed together spread out, yet a
   * run with a manual clock is reproducible.
   */
  Instant alarmRetryAt(ObjectCell cell, long scheduledMillis, int retry) {
    long h = cell.key.id().hashCode() * 0x9E3779B97F4A7C15L;
    h ^= cell.key.namespace().hashCode();
    h = mix(h ^ scheduledMillis);
    h = mix(h ^ retry);
    double unit = (h >>> 11) * 0x1.0p-53;
    return time.now().plus(retryPolicy.delayBeforeRetry(retry, unit));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The alarm of {@code cell} failed its last attempt and is dropped; logged and counted. */
  void alarmAbandoned(ObjectCell cell, long scheduledMillis, int attempts, Throwable last) {
    abandonedAlarms.increment();
    LOG.log(
        System.Logger.Level.WARNING,
        "Alarm of "
            + cell
            + " set for "
            + Instant.ofEpochMilli(scheduledMillis)
            + " abandoned after "
            + attempts
            + " failed attempts; it was deleted",
        last);
  }

  /** Alarms dropped after their last retry failed, since start. */
  public long abandonedAlarmCount() {
    return abandonedAlarms.sum();
  }

  /** Alarms and alarm retries the scheduler holds in memory (a bounded window); for tests. */
  public int alarmsInMemory() {
    return alarms.inMemoryCount();
  }

  /**
   * The object's alarm as its turns would see it now (pending commits included), or {@code null}.
   *
   * @throws IllegalArgumentException if the namespace is not hosted or the id is not one of its
   * @throws TransportException if storage fails
   */
  public @Nullable Instant pendingAlarm(String namespace, ObjectId id) {
    checkHosted(namespace, id);
    CellKey key = new CellKey(namespace, id);
    ObjectCell cell = cells.get(key);
    byte[] alarmKey = KeyLayout.alarm(KeyLayout.objectPrefix(namespace, id));
    Long millis;
    try {
      millis =
          KeyLayout.parseAlarmValue(cell != null ? cell.readKey(alarmKey) : storage.get(alarmKey));
    } catch (StorageFailure e) {
      throw new TransportException("Storage failed reading the alarm of " + key, e.getCause());
    } catch (RuntimeException e) {
      throw new TransportException("Storage failed reading the alarm of " + key, e);
    }
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * Runs the object's alarm now, as an alarm turn queued behind its other turns, whatever its time;
   * see {@code ObjectRuntime.fireAlarmNow}. Never throws.
   */
  public CompletableFuture<Boolean> fireAlarmNow(String namespace, ObjectId id) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    ObjectBinding<Object> binding;
    try {
      binding = checkHosted(namespace, id);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(e.getMessage(), e));
    }
    if (!enter()) {
      return CompletableFuture.failedFuture(closedException());
    }
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    done.whenComplete((r, e) -> exit());
    ObjectCell cell = acquire(binding, new CellKey(namespace, id), id, false);
    cell.queue.execute(() -> cell.runAlarm(null, 0, done));
    return done;
  }

  private ObjectBinding<Object> checkHosted(String namespace, ObjectId id) {
    ObjectBinding<Object> binding = bindings.get(namespace);
    if (binding == null) {
      throw new IllegalArgumentException(
          "No namespace '" + namespace + "' on this host; it has " + bindings.keySet());
    }
    NamespaceKey.of(namespace).check(id);
    return binding;
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
    byte[] position = KeyLayout.alarmIndex(stored, cell.prefix);
    if (at.isAfter(retryAt)) {
      alarms.set(cell.key, cell.id, stored, position);
    } else {
      alarms.retry(cell.key, cell.id, stored, position, 0, retryAt);
    }
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

  /** Called by a cell's turn before its user code runs; pass the result to {@link #turnEnded}. */
  RunningTurn turnStarted(ObjectCell cell, String method, long startedNanos) {
    return watchdog.started(cell, method, startedNanos);
  }

  /** Called by a cell's turn, on the same thread, after its user code returned or threw. */
  void turnEnded(RunningTurn turn) {
    watchdog.ended(turn);
  }

  /** Turns that ran longer than the slow-turn threshold since start, each counted once. */
  public long slowTurnCount() {
    return watchdog.slowTurnCount();
  }

  /**
   * Turns running now past the slow-turn threshold, longest first; reports those the watchdog has
   * not reported yet.
   */
  public List<StuckTurn> stuckTurns() {
    return watchdog.check();
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
    outstanding.increment();
    if (closed) {
      exit();
      return false;
    }
    return true;
  }

  private void exit() {
    outstanding.decrement();
    if (closed && outstanding.sum() == 0) {
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
      while (outstanding.sum() > 0) {
        try {
          closeLock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    try {
      endStreams("The Duro runtime closed; the stream ended, subscribe again");
      TimeSource.Cancellable s = sweep;
      if (s != null) {
        s.cancel();
      }
      watchdog.close();
      alarms.close();
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
