package dev.duro.runtime;

import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.Storage;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import dev.duro.runtime.internal.activation.Engine;
import dev.duro.runtime.internal.alarm.SystemTimeSource;
import dev.duro.runtime.internal.storage.GroupCommitter;
import dev.duro.runtime.internal.storage.WalStorageEngine;
import dev.duro.runtime.internal.storage.XodusStorageEngine;
import dev.duro.runtime.spi.Committer;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.spi.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An embedded Duro host: runs the durable objects of a set of {@link ObjectBinding}s in this
 * process, with their state in a local store. A network transport (gRPC) or the test kit puts
 * callers in front of it; in-process callers use {@link #invoker()}.
 *
 * <p>Semantics, per object (namespace and id): one instance, activated on its first turn
 * (constructor, {@code @Persist} load, {@code @OnActivate}); one turn at a time in arrival order; a
 * turn that returns commits its field changes, storage writes and alarm change in one atomic,
 * durable batch, and its reply is released only after that batch (and every earlier batch of the
 * object) is durable; a turn that throws commits nothing and its {@code @Persist} fields are
 * restored. Turns of different objects run in parallel and share commits (group commit). Objects
 * idle for {@link Builder#idleTimeout} are evicted and reactivated from storage on their next turn.
 * Alarms fire as turns at or after their time, also after a restart, and are retried per {@link
 * AlarmRetryPolicy} when they throw.
 *
 * <pre>{@code
 * try (ObjectRuntime runtime = ObjectRuntime.builder().dataDirectory(Path.of("data")).build()) {
 *   CounterNamespace counters = CounterNamespace.of(runtime.invoker());
 *   counters.get("a").increment(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Calls may come from any thread; turns run on the turn executor.
 */
public final class ObjectRuntime implements AutoCloseable {
  private final Engine engine;
  private final List<AutoCloseable> owned;
  private final Invoker invoker;

  /** Default of {@link Builder#alarmWindow}. */
  public static final int DEFAULT_ALARM_WINDOW = 10_000;

  /** Default of {@link Builder#streamBufferSize}. */
  public static final int DEFAULT_STREAM_BUFFER_SIZE = 256;

  /** Largest default of {@link Builder#storageCacheBytes}: 64 MiB. */
  public static final long MAX_DEFAULT_STORAGE_CACHE_BYTES =
      XodusStorageEngine.MAX_DEFAULT_CACHE_BYTES;

  private ObjectRuntime(Engine engine, List<AutoCloseable> owned) {
    this.engine = engine;
    this.owned = owned;
    this.invoker = engine.localInvoker();
  }

  /** A builder; {@link Builder#dataDirectory} or {@link Builder#storage} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Delivers one call to object {@code id} of {@code namespace}. Never throws: problems complete
   * the future exceptionally with a {@link DuroException}:
   *
   * <ul>
   *   <li>{@link UnknownMethodException}: no such namespace or method; nothing was run.
   *   <li>{@link InvalidRequestException}: {@code id} does not belong to the namespace, or {@code
   *       request} does not decode; nothing was run.
   *   <li>{@link dev.duro.OverloadedException}: the object already has its maximum of waiting
   *       turns; nothing was run.
   *   <li>{@link RemoteFailureException}: the method or the object's activation threw (remote type
   *       = the exception's class name, cause = the exception); nothing was committed.
   *   <li>{@link TransportException}: the turn's commit failed (or an earlier one of the same
   *       object it depended on), storage failed, or the runtime is closed.
   * </ul>
   *
   * <p>Cancelling the future before the object's turn starts removes the call: its turn never runs
   * (transports do so when their client cancels or disconnects). Once started, the turn runs to the
   * end and commits; cancelling then only drops the reply.
   *
   * <p>The future completes on a runtime thread (or on the calling thread with a direct turn
   * executor); callbacks attached to it should not block.
   *
   * @param id the object; if it carries a name ({@link ObjectId#name()}) the object's context
   *     reports it
   * @param request the encoded request message; not modified, not retained after decoding
   * @return the encoded reply message, after the turn's writes are durable
   */
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request) {
    return engine.call(namespace, id, method, request);
  }

  /**
   * Like {@link #call(String, ObjectId, String, byte[])}, with the call chain and deadline given
   * explicitly instead of taken from the calling thread ({@link CallContext#current()}); a
   * transport passes what it received with the call. Further failures:
   *
   * <ul>
   *   <li>{@link dev.duro.CallCycleException}: the object is already in {@code context}'s chain (it
   *       waits for this call, directly or through others); nothing was run.
   *   <li>{@link dev.duro.DeadlineExceededException}: the deadline passed before the turn started
   *       (nothing was run), or before the reply (the turn may still run and commit).
   * </ul>
   */
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request, CallContext context) {
    return engine.call(namespace, id, method, request, Objects.requireNonNull(context, "context"));
  }

  /**
   * Subscribes to the streaming {@code @Rpc} method {@code method} (one whose last parameter is an
   * {@link dev.duro.EventSink}): each subscription to the returned publisher queues one turn that
   * hands the method a new sink, then delivers what the object sends to it, each event once the
   * turn that sent it is durable, as the subscriber requests them. See {@link dev.duro.EventSink}
   * for the semantics and {@link Invoker#stream} for the subscriber's side. The subscribing
   * thread's {@link CallContext} (chain, deadline) applies to the subscribe turn, as for {@link
   * #call}. Failures reach {@code onError} as {@link dev.duro.DuroException}s: those of {@link
   * #call}, an exception the method threw (the stream then never opened), an error the object
   * passed to {@code fail}, or a {@link dev.duro.TransportException} when the object was reset or
   * the runtime closed.
   *
   * <p>Signals reach the subscriber on runtime threads, one at a time; the subscriber should not
   * block in them.
   */
  public Flow.Publisher<byte[]> stream(
      String namespace, ObjectId id, String method, byte[] request) {
    return engine.stream(namespace, id, method, request);
  }

  /**
   * Ends every open stream with a {@link dev.duro.TransportException} carrying {@code reason},
   * after the events already durable; their objects' close actions do not run. Hosts call it when
   * shutting down ({@link #close()} does too). Streams opened later are not affected.
   */
  public void endStreams(String reason) {
    engine.endStreams(reason);
  }

  /** Streams of hosted objects that have not ended; a snapshot, for tools and tests. */
  public int openStreamCount() {
    return engine.openStreamCount();
  }

  /**
   * Number of turns (calls and alarms) whose user code ran longer than {@link
   * Builder#slowTurnThreshold} since the runtime started. Each is counted once: while it still
   * runs, when the watchdog finds it past the threshold (see {@link #stuckTurns()}), or else when
   * it ends. Each is also logged as a warning on the {@code System.Logger} named {@code
   * "dev.duro.runtime"}.
   */
  public long slowTurnCount() {
    return engine.slowTurnCount();
  }

  /**
   * The turns running now whose user code (activation included) has run longer than {@link
   * Builder#slowTurnThreshold}, longest running first: turns that may never end, such as an endless
   * loop or a call blocked forever. For health checks and tools; a snapshot.
   *
   * <p>A watchdog looks for such turns every half threshold (at least every 10 ms apart) on a
   * daemon thread shared by the runtimes of the JVM; each one found is counted in {@link
   * #slowTurnCount()} at once (not again when it ends) and logged as a warning with its thread's
   * stack, with a reminder each time its running time has at least doubled (and at least 10
   * thresholds after the previous log). This method runs the same check, so a turn it returns is
   * already counted and logged. It costs a look at each thread that has run turns of this runtime
   * (not at each object in memory). Real time, never the {@link TimeSource}.
   */
  public List<StuckTurn> stuckTurns() {
    return engine.stuckTurns();
  }

  /**
   * Number of objects evicted because the runtime held more than {@link Builder#maxActiveObjects}
   * objects (least recently used first) since it started.
   */
  public long capacityEvictionCount() {
    return engine.lruEvictions();
  }

  /**
   * Number of objects the runtime holds in memory (active, or kept for a pending commit or queued
   * turn); bounded by about {@link Builder#maxActiveObjects}. A snapshot.
   */
  public int objectCount() {
    return engine.objectCount();
  }

  /**
   * An {@link Invoker} over {@link #call}, for generated namespaces: {@code XNamespace.of(...)}.
   */
  public Invoker invoker() {
    return invoker;
  }

  /** The bindings this runtime hosts. */
  public Collection<ObjectBinding<?>> bindings() {
    return engine.bindings();
  }

  /**
   * Number of objects with an instance in memory. For the test kit and tools; the value is a
   * snapshot that may be stale as soon as it is returned.
   */
  public int activeObjectCount() {
    return engine.activeObjectCount();
  }

  /**
   * Runs the idle sweep now: evicts every object that has no queued or running turn and no pending
   * commit and has been idle for at least the idle timeout. The sweep also runs periodically,
   * scheduled on the {@link TimeSource}. For the test kit and tools.
   *
   * @return the number of objects evicted
   */
  public int evictIdle() {
    return engine.evict(false);
  }

  /**
   * Evicts every object that has no queued or running turn and no pending commit, however recently
   * used. Their in-memory state that is not {@code @Persist}ed is lost, by design; the next turn
   * reactivates them from storage. For the test kit and tools.
   *
   * @return the number of objects evicted
   */
  public int evictAll() {
    return engine.evict(true);
  }

  /**
   * Evicts object {@code id} of {@code namespace} now, as {@link #evictAll()} does, if it has no
   * queued or running turn and no pending commit. For the test kit and tools.
   *
   * @return whether it was in memory and is now evicted
   */
  public boolean evict(String namespace, ObjectId id) {
    return engine.evict(namespace, id);
  }

  /**
   * Runs {@code body} as one turn of object {@code id}, in its turn order, with its instance
   * (activated first if needed) and its context. The turn is a turn like a call's: field changes,
   * storage writes and alarm changes made by {@code body} commit when it returns, and are rolled
   * back if it throws. For the test kit and tools: it lets a test inspect or change an object
   * without an {@code @Rpc} method for it. Not bounded by {@link Builder#maxQueuedTurnsPerObject}.
   *
   * <p>The future completes with {@code body}'s result once the turn's writes are durable, or
   * exceptionally as {@link #call} would: {@link RemoteFailureException} (cause: what {@code body}
   * or the activation threw), {@link TransportException}, {@link UnknownMethodException} for an
   * unknown namespace, {@link InvalidRequestException} for an id of another namespace. Never
   * throws. {@code body} runs on a turn thread (the caller's, with a direct turn executor) and must
   * not keep the instance or context beyond the turn.
   */
  public <R> CompletableFuture<R> runInObject(
      String namespace, ObjectId id, BiFunction<Object, ObjectContext, R> body) {
    return engine.runInObject(namespace, id, Objects.requireNonNull(body, "body"));
  }

  /**
   * The objects of {@code namespace} that have stored state: a {@code @Persist} field with a
   * non-default value, a storage entry or an alarm, committed; in the order of their id bytes. An
   * id carries its name ({@link ObjectId#name()}) if it was addressed by name ({@code idFromName})
   * when it first committed: the name is stored with that commit (once per object, in the same
   * atomic batch), so it is listed with its name after a restart too. An object addressed only by
   * its hex id until its first commit gets its name stored with a later commit made while it is
   * addressed by name. Reads storage only (activates nothing); costs a scan of the namespace's
   * keys. For the test kit and tools.
   */
  public List<ObjectId> listObjects(String namespace) {
    return engine.listObjects(Objects.requireNonNull(namespace, "namespace"));
  }

  /**
   * The committed encodings of the {@code @Persist} fields of an object (only fields with a
   * non-default value are stored), by field name; each is the field's message (field 1 = value).
   * Reads storage only; writes of a commit still in flight are not seen. For the test kit and
   * tools.
   */
  public Map<String, byte[]> storedFields(String namespace, ObjectId id) {
    return engine.storedFields(namespace, id);
  }

  /**
   * The committed entries of an object's {@link Storage}, in the order {@link Storage#list} uses.
   * Reads storage only. For the test kit and tools.
   */
  public SortedMap<String, byte[]> storedEntries(String namespace, ObjectId id) {
    return engine.storedEntries(namespace, id);
  }

  /**
   * The committed alarm time of an object, if it has one. Reads storage only. For the test kit and
   * tools.
   */
  public Optional<Instant> storedAlarm(String namespace, ObjectId id) {
    return engine.storedAlarm(namespace, id);
  }

  /**
   * While {@code overloaded}, new calls to object {@code id} of {@code namespace} fail at once with
   * {@link dev.duro.OverloadedException}, exactly as when its queue is full (calls from other
   * objects and from transports included; alarms still fire). For the test kit's fault injection.
   */
  public void simulateOverload(String namespace, ObjectId id, boolean overloaded) {
    engine.setOverloaded(namespace, id, overloaded);
  }

  /**
   * The alarm of object {@code id} of {@code namespace} as its next turn would see it ({@code
   * ctx.alarm().get()}): set and not yet fired, or fired and waiting for a retry. Includes a change
   * whose commit is still pending. Does not activate the object. For the test kit and tools.
   *
   * @throws IllegalArgumentException if the namespace is not hosted here or {@code id} is not one
   *     of its ids
   * @throws TransportException if storage fails
   */
  public Optional<Instant> pendingAlarm(String namespace, ObjectId id) {
    return Optional.ofNullable(
        engine.pendingAlarm(
            Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(id, "id")));
  }

  /**
   * Fires the alarm of object {@code id} of {@code namespace} now, whatever its time: an alarm turn
   * queued behind the object's other turns, exactly like a due alarm's (the method gets the alarm's
   * scheduled time; the alarm is consumed unless the turn sets a new one). If a retry of the alarm
   * is pending, this is that retry (its retry count) and the pending one is dropped; if the alarm
   * method throws, the next retry is scheduled by the {@link AlarmRetryPolicy} (or the alarm
   * dropped after the last), as for a due alarm. For the test kit and tools. Never throws.
   *
   * @return completes with {@code true} once the alarm ran and its turn is durable; with {@code
   *     false} if the object had no alarm (nothing ran); exceptionally with {@link
   *     RemoteFailureException} if the alarm method (or the activation) threw, {@link
   *     TransportException} if storage failed or the runtime is closed, {@link
   *     InvalidRequestException} if the namespace is not hosted or {@code id} is not one of its ids
   */
  public CompletableFuture<Boolean> fireAlarmNow(String namespace, ObjectId id) {
    if (namespace == null || id == null) {
      return CompletableFuture.failedFuture(
          new InvalidRequestException("namespace and id must not be null"));
    }
    return engine.fireAlarmNow(namespace, id);
  }

  /**
   * Number of alarms dropped since start because their last retry threw too (see {@link
   * AlarmRetryPolicy}); each is also logged as a warning.
   */
  public long abandonedAlarmCount() {
    return engine.abandonedAlarmCount();
  }

  /**
   * Number of alarms and alarm retries held in memory by the scheduler: at most {@link
   * Builder#alarmWindow} plus alarms waiting for a retry, however many are stored. A snapshot; for
   * tests and tools.
   */
  public int alarmsInMemory() {
    return engine.alarmsInMemory();
  }

  /**
   * Closes gracefully: new calls fail with {@link TransportException}; queued turns run to the end
   * and their commits become durable; then the committer, the storage engine and the threads the
   * runtime created are closed. Pending alarms stay stored and fire after the next start.
   * Idempotent. Must not be called from inside a turn.
   */
  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      for (AutoCloseable c : owned) {
        try {
          c.close();
        } catch (Exception e) {
          // Best effort: the storage is already closed and durable; a stuck thread is daemon.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ObjectRuntime" + engine.bindings().stream().map(ObjectBinding::namespace).toList();
  }

  /**
   * Configures an {@link ObjectRuntime}. Setters return this builder; {@link #build()} validates
   * and starts the runtime. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Path dataDirectory;
    private @Nullable StorageEngine storage;
    private @Nullable Function<? super StorageEngine, ? extends Committer> committer;
    private @Nullable Collection<ObjectBinding<?>> bindings;
    private @Nullable TimeSource timeSource;
    private @Nullable Executor turnExecutor;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private AlarmRetryPolicy alarmRetry = AlarmRetryPolicy.defaults();
    private int maxQueuedTurnsPerObject = 10_000;
    private int maxActiveObjects; // 0: defaultMaxActiveObjects()
    private int maxStorageKeyBytes = Storage.MAX_KEY_BYTES;
    private int maxStorageValueBytes = Storage.MAX_VALUE_BYTES;
    private Duration slowTurnThreshold = Duration.ofSeconds(1);
    private int streamBufferSize = DEFAULT_STREAM_BUFFER_SIZE;
    private int alarmWindow = DEFAULT_ALARM_WINDOW;
    private long storageCacheBytes;
    private Duration groupCommitDelay = GroupCommitter.DEFAULT_DELAY;

    private Builder() {}

    private static int defaultMaxActiveObjects() {
      return (int) Math.max(1_000, Math.min(100_000, Runtime.getRuntime().maxMemory() >> 14));
    }

    /**
     * Stores state durably in {@code directory} (created if missing): every acknowledged turn is
     * synced to disk first in a write-ahead log ({@code directory/wal}, one fdatasync per group of
     * commits), then applied to a Xodus store in the same directory by a background thread; a
     * restart replays what was not applied yet. One runtime per directory: a second one fails to
     * build. A log corrupted other than by a crash (a bad record followed by good ones) makes
     * {@link #build} fail naming the file and offset. Mutually exclusive with {@link #storage}.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Stores state in {@code engine}, for example {@link StorageEngine#inMemory()}. The runtime
     * takes ownership and closes it. Mutually exclusive with {@link #dataDirectory}.
     */
    public Builder storage(StorageEngine engine) {
      this.storage = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * How commits are made durable, given the storage engine. Default: group commit with one writer
     * thread ({@code "duro-commit"}). {@code Committer::synchronous} commits on the turn's thread,
     * which with a direct {@link #turnExecutor} makes every call complete before {@code call}
     * returns. The runtime closes the committer.
     */
    public Builder committer(Function<? super StorageEngine, ? extends Committer> factory) {
      this.committer = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * The objects to host. Default: every {@link ObjectBinding} found by {@link
     * ServiceLoader#load(Class)} on the context class loader (the processor registers generated
     * bindings there).
     */
    public Builder bindings(Collection<? extends ObjectBinding<?>> bindings) {
      this.bindings = List.copyOf(bindings);
      return this;
    }

    /**
     * The clock and scheduler for {@code ObjectContext.now()}, alarms and the idle sweep. Default:
     * the system clock with one daemon timer thread, owned by the runtime. A given time source is
     * not owned.
     */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
      return this;
    }

    /**
     * Where turns run (and where commits are completed). Default: a {@link ForkJoinPool} of {@code
     * availableProcessors()} daemon threads named {@code "duro-turn-N"}, owned by the runtime, that
     * adds threads while turns block waiting for other objects' replies. A given executor must
     * tolerate turns that block on other turns (direct, or with enough threads). {@code
     * Runnable::run} runs each turn on the thread that delivers it (the caller of {@code call}, or
     * the thread advancing a manual time source). A given executor is not owned.
     */
    public Builder turnExecutor(Executor executor) {
      this.turnExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Objects idle for this long are evicted. Default 5 minutes; must be positive. */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** How throwing alarms are retried. Default {@link AlarmRetryPolicy#defaults()}. */
    public Builder alarmRetry(AlarmRetryPolicy policy) {
      this.alarmRetry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Most calls that may wait for (or run in) one object at once; further calls fail at once with
     * {@link dev.duro.OverloadedException}. Default 10,000; must be positive. Alarms do not count.
     */
    public Builder maxQueuedTurnsPerObject(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxQueuedTurnsPerObject must be positive, got " + max);
      }
      this.maxQueuedTurnsPerObject = max;
      return this;
    }

    /**
     * Most objects held in memory at once. Activating one more evicts the least recently used
     * objects that have no queued or running turn and no pending commit (never one in a turn), down
     * to 90% of the cap, so touching any number of objects keeps the heap bounded. Default: the
     * maximum heap divided by 16 KiB, between 1,000 and 100,000 (an active object with a few small
     * fields takes 1 to 1.5 KiB, so the default keeps them to about a tenth of the heap; objects
     * holding more state in fields need a lower cap). Must be positive.
     */
    public Builder maxActiveObjects(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxActiveObjects must be positive, got " + max);
      }
      this.maxActiveObjects = max;
      return this;
    }

    /**
     * Longest storage key, in UTF-8 bytes. Default {@link Storage#MAX_KEY_BYTES}; between 1 and
     * 65,536.
     */
    public Builder maxStorageKeyBytes(int max) {
      if (max < 1 || max > 65_536) {
        throw new IllegalArgumentException(
            "maxStorageKeyBytes must be between 1 and 65536, got " + max);
      }
      this.maxStorageKeyBytes = max;
      return this;
    }

    /**
     * Longest storage value, in bytes. Default {@link Storage#MAX_VALUE_BYTES}; between 1 and 16
     * MiB.
     */
    public Builder maxStorageValueBytes(int max) {
      if (max < 1 || max > 16 << 20) {
        throw new IllegalArgumentException(
            "maxStorageValueBytes must be between 1 and 16 MiB, got " + max);
      }
      this.maxStorageValueBytes = max;
      return this;
    }

    /**
     * A turn whose user code runs longer than this is reported once: counted in {@link
     * ObjectRuntime#slowTurnCount()} and logged, while it still runs if the watchdog finds it (see
     * {@link ObjectRuntime#stuckTurns()}), else when it ends. Measured in real time. Default 1
     * second; must be positive.
     */
    public Builder slowTurnThreshold(Duration threshold) {
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException("slowTurnThreshold must be positive, got " + threshold);
      }
      this.slowTurnThreshold = threshold;
      return this;
    }

    /**
     * Capacity of each stream's buffer ({@link dev.duro.EventSink#capacity()}): events an object
     * sent that its subscriber has not yet taken. When it is full, {@code send} refuses further
     * events. Default {@value ObjectRuntime#DEFAULT_STREAM_BUFFER_SIZE}; at least 1.
     */
    public Builder streamBufferSize(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("streamBufferSize must be at least 1, got " + events);
      }
      this.streamBufferSize = events;
      return this;
    }

    /**
     * How long group commit may hold a group open for more turns' writes while many turns commit
     * concurrently: when the previous group held the writes of at least 5 turns, the next one
     * starts no sooner than this after it started. A lone caller, or a few concurrent ones, is
     * never delayed. Why: each sync of the write-ahead log costs CPU as well as time (on the 2-core
     * machine of {@code BENCHMARKS.md} about 65 µs of CPU per {@code fdatasync}; syncing back to
     * back at 180,000 turns/s across 1,000 objects used a quarter of the process's CPU), so under
     * load fewer, larger groups leave CPU to turns: there, 1 ms cut the CPU per turn by about a
     * fifth and lowered the p99 latency, at the price of about 0.6 ms more median latency. Replies
     * still wait until their group is durable. Default 1 ms; {@link Duration#ZERO} syncs as soon as
     * the previous sync ends; must not be negative. Only for the default committer (not with {@link
     * #committer}).
     */
    public Builder groupCommitDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("groupCommitDelay must not be negative, got " + delay);
      }
      this.groupCommitDelay = delay;
      return this;
    }

    /**
     * Most pending alarms held in memory. Alarms are stored in a time-ordered index; the runtime
     * keeps only the earliest ones in memory, at most this many (plus alarms waiting for a retry),
     * and reads the next ones from storage as these fire or as time reaches them, so any number of
     * pending alarms costs disk, not heap, and a restart reads one window, not every alarm. Default
     * {@value ObjectRuntime#DEFAULT_ALARM_WINDOW}; at least 2.
     */
    public Builder alarmWindow(int size) {
      if (size < 2) {
        throw new IllegalArgumentException("alarmWindow must be at least 2, got " + size);
      }
      this.alarmWindow = size;
      return this;
    }

    /**
     * Heap the storage of {@link #dataDirectory} may use to cache pages of its data files (Xodus's
     * log cache, one per runtime, released on {@link ObjectRuntime#close()}). The cache is bounded:
     * however much is stored (millions of pending alarms or objects), it takes at most this much; a
     * larger cache serves more reads from memory. Default: {@value
     * ObjectRuntime#MAX_DEFAULT_STORAGE_CACHE_BYTES} bytes (64 MiB) or an eighth of the maximum
     * heap ({@code -Xmx}), whichever is smaller, and at least 1 MiB. Must be at least 1 MiB ({@code
     * 1 << 20}). Only with {@link #dataDirectory}: a given {@link #storage} engine manages its own
     * memory.
     */
    public Builder storageCacheBytes(long bytes) {
      if (bytes < XodusStorageEngine.MIN_CACHE_BYTES) {
        throw new IllegalArgumentException(
            "storageCacheBytes must be at least 1 MiB (" + (1 << 20) + "), got " + bytes);
      }
      this.storageCacheBytes = bytes;
      return this;
    }

    /**
     * Opens the storage, reads the first window of stored alarms and starts the runtime.
     *
     * @throws IllegalStateException if neither or both of {@code dataDirectory(Path)} and {@code
     *     storage(StorageEngine)} were called, {@code storageCacheBytes} was set with {@code
     *     storage(StorageEngine)}, or the data directory is in use or cannot be opened
     * @throws IllegalArgumentException if two bindings share a namespace or a namespace is invalid
     */
    public ObjectRuntime build() {
      if (dataDirectory == null && storage == null) {
        throw new IllegalStateException(
            "ObjectRuntime.Builder: call dataDirectory(Path) or storage(StorageEngine) before"
                + " build()");
      }
      if (dataDirectory != null && storage != null) {
        throw new IllegalStateException(
            "ObjectRuntime.Builder: dataDirectory(Path) and storage(StorageEngine) are mutually"
                + " exclusive; call only one");
      }
      if (storage != null && storageCacheBytes != 0) {
        throw new IllegalStateException(
            "ObjectRuntime.Builder: storageCacheBytes(long) sizes the cache of dataDirectory(Path);"
                + " a given storage(StorageEngine) manages its own memory");
      }
      Collection<ObjectBinding<?>> b = bindings != null ? bindings : loadBindings();
      for (ObjectBinding<?> binding : b) {
        NamespaceKey.of(binding.namespace());
      }
      List<AutoCloseable> owned = new ArrayList<>();
      StorageEngine engineStorage = null;
      Committer c = null;
      try {
        Executor executor = turnExecutor;
        if (executor == null) {
          ForkJoinPool pool = newTurnPool();
          owned.add(pool::shutdown);
          executor = pool;
        }
        TimeSource time = timeSource;
        if (time == null) {
          SystemTimeSource system = new SystemTimeSource();
          owned.add(system);
          time = system;
        }
        engineStorage =
            storage != null
                ? storage
                : WalStorageEngine.open(
                    XodusStorageEngine.open(
                        dataDirectory,
                        storageCacheBytes != 0
                            ? storageCacheBytes
                            : XodusStorageEngine.defaultCacheBytes()),
                    dataDirectory.resolve("wal"),
                    WalStorageEngine.defaultMaxPendingBytes());
        Executor completions = executor;
        c =
            committer != null
                ? committer.apply(engineStorage)
                : new GroupCommitter(
                    engineStorage, completions, GroupCommitter.DEFAULT_MAX_GROUP, groupCommitDelay);
        Engine engine =
            new Engine(
                new Engine.Settings(
                    b,
                    engineStorage,
                    c,
                    time,
                    executor,
                    idleTimeout,
                    alarmRetry,
                    maxQueuedTurnsPerObject,
                    maxActiveObjects != 0 ? maxActiveObjects : defaultMaxActiveObjects(),
                    maxStorageKeyBytes,
                    maxStorageValueBytes,
                    slowTurnThreshold,
                    alarmWindow,
                    streamBufferSize));
        return new ObjectRuntime(engine, owned);
      } catch (RuntimeException e) {
        if (c != null) {
          c.close();
        }
        if (engineStorage != null) {
          engineStorage.close();
        }
        for (AutoCloseable r : owned) {
          try {
            r.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Collection<ObjectBinding<?>> loadBindings() {
      List<ObjectBinding<?>> found = new ArrayList<>();
      for (ObjectBinding b : ServiceLoader.load(ObjectBinding.class)) {
        found.add(b);
      }
      return found;
    }

    /**
     * A fork-join pool in FIFO mode: a turn blocked on another object's reply ({@code
     * CompletableFuture.get/join}, which use {@link ForkJoinPool#managedBlock}) makes the pool add
     * a compensating thread, so chains of blocking calls cannot starve it.
     */
    private static ForkJoinPool newTurnPool() {
      int n = Runtime.getRuntime().availableProcessors();
      AtomicInteger count = new AtomicInteger();
      return new ForkJoinPool(
          n,
          pool -> {
            ForkJoinWorkerThread t =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("duro-turn-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
          },
          null,
          true);
    }
  }
}
