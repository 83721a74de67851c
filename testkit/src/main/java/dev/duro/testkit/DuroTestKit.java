package dev.duro.testkit;

import dev.duro.DuroException;
import dev.duro.Namespace;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.binding.CallHandler;
import dev.duro.binding.Calls;
import dev.duro.binding.Invoker;
import dev.duro.binding.NamespaceKey;
import dev.duro.binding.ObjectBinding;
import dev.duro.runtime.AlarmRetryPolicy;
import dev.duro.runtime.ObjectRuntime;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.testkit.internal.FakeBinding;
import dev.duro.testkit.internal.KitCommitter;
import dev.duro.testkit.internal.KitStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The real Duro runtime, set up for tests: state in memory, commits applied synchronously, turns
 * run on the calling thread, and time from a {@link ManualClock}. Every call has fully run and
 * committed when a blocking stub method returns (and its async future is already complete), and
 * alarms fire only when the test advances the clock. Everything else (activation, turns, encoding
 * of requests, replies and fields, rollback of throwing calls, alarm retries with backoff, eviction
 * after the idle timeout) behaves as in production, because it is the production code.
 *
 * <pre>{@code
 * try (DuroTestKit kit = DuroTestKit.create()) {
 *   CounterStub c = kit.namespace(CounterNamespace::of).get("a");
 *   c.increment(5);
 *   kit.advance(Duration.ofMinutes(2)); // fires due alarms before returning
 * }
 * }</pre>
 *
 * <p>Methods that name one object take a <em>target</em>: a generated stub (anything with a public
 * {@code ObjectId id()} method) or an {@link ObjectId}; the namespace is the hosted one the id
 * belongs to (ids carry their namespace's MAC).
 *
 * <p>Calls may come from several threads: one object still runs one turn at a time, on the thread
 * that found it idle. Kit-level operations ({@link #restart()}, {@link #fake}, {@link #close()})
 * must not run concurrently with calls. Each kit is independent; with {@link DuroTest} every test
 * gets its own.
 */
public final class DuroTestKit implements AutoCloseable {
  private final ManualClock clock;
  private final StorageEngine memory;
  private final KitStorage storage;
  private final Builder settings;
  private final List<ObjectBinding<?>> hosted;
  private final Map<String, ObjectBinding<?>> fakes = new ConcurrentHashMap<>();
  private final Set<Target> overloaded = ConcurrentHashMap.newKeySet();
  private final Map<ObjectId, ObjectId> namedIds = new ConcurrentHashMap<>();
  private final Invoker invoker = new KitInvoker();
  private volatile Duration commitDelay = Duration.ZERO;
  private volatile ObjectRuntime runtime;
  private volatile KitCommitter committer;
  private volatile boolean closed;

  private record Target(String namespace, ObjectId id) {}

  private DuroTestKit(Builder b) {
    this.settings = b;
    this.clock = new ManualClock(b.start);
    this.memory = StorageEngine.inMemory();
    this.storage = new KitStorage(memory);
    this.hosted = b.bindings != null ? b.bindings : loadBindings();
    start();
  }

  /** A kit hosting every binding registered with {@link java.util.ServiceLoader}. */
  public static DuroTestKit create() {
    return builder().build();
  }

  /** A kit hosting exactly {@code bindings}. */
  public static DuroTestKit create(ObjectBinding<?>... bindings) {
    return builder().bindings(bindings).build();
  }

  /** A builder for a kit with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<ObjectBinding<?>> loadBindings() {
    List<ObjectBinding<?>> found = new ArrayList<>();
    for (ObjectBinding b : ServiceLoader.load(ObjectBinding.class)) {
      found.add(b);
    }
    return List.copyOf(found);
  }

  private void start() {
    Map<String, ObjectBinding<?>> bindings = new LinkedHashMap<>();
    for (ObjectBinding<?> b : hosted) {
      bindings.put(b.namespace(), b);
    }
    bindings.putAll(fakes);
    KitCommitter[] made = new KitCommitter[1];
    ObjectRuntime r =
        ObjectRuntime.builder()
            .storage(storage)
            .committer(
                s -> {
                  made[0] = new KitCommitter(s, clock, () -> commitDelay);
                  return made[0];
                })
            .timeSource(clock)
            .turnExecutor(Runnable::run)
            .idleTimeout(settings.idleTimeout)
            .alarmRetry(settings.alarmRetry)
            .bindings(bindings.values())
            .build();
    for (Target t : overloaded) {
      r.simulateOverload(t.namespace(), t.id(), true);
    }
    committer = Objects.requireNonNull(made[0]);
    runtime = r;
  }

  /** Lets held commits through, then closes the runtime (not the storage underneath). */
  private void stop() {
    Duration delay = commitDelay;
    commitDelay = Duration.ZERO;
    try {
      committer.drain(true);
      runtime.close();
    } finally {
      commitDelay = delay;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Calling objects

  /**
   * A namespace of this kit's objects, made by a generated factory: {@code
   * kit.namespace(CounterNamespace::of)}. Its stubs keep working across {@link #restart()}.
   */
  public <N> N namespace(Function<? super Invoker, ? extends N> factory) {
    return factory.apply(invoker);
  }

  /**
   * The invoker that delivers calls to this kit's objects (whichever runtime is current after a
   * {@link #restart()}).
   */
  public Invoker invoker() {
    return invoker;
  }

  /**
   * Runs {@code body} inside a turn of the target object (activating it first), with its instance
   * and context, and waits for the turn's commit: field changes, storage writes and alarm changes
   * {@code body} makes are committed like a call's, so a test can set up or change state without an
   * {@code @Rpc} method for it. If {@code body} throws, the turn is rolled back and the exception
   * is rethrown as is (unchecked ones; a checked one arrives as the cause of a {@link
   * RemoteFailureException}).
   *
   * @param target a stub or an {@link ObjectId}
   * @param type the object class (checked against the namespace's)
   * @throws DuroException if the turn failed outside {@code body} (a failed commit: {@link
   *     dev.duro.TransportException})
   */
  public <T> void runInObject(Object target, Class<T> type, TurnBody<? super T> body) {
    Objects.requireNonNull(body, "body");
    callInObject(
        target,
        type,
        (o, ctx) -> {
          body.run(o, ctx);
          return null;
        });
  }

  /**
   * Like {@link #runInObject}, returning what {@code body} returns (after the turn committed).
   * Return copies, not the object's mutable state: anything returned is shared with the object.
   */
  public <T, R> R callInObject(Object target, Class<T> type, TurnFunction<? super T, R> body) {
    Objects.requireNonNull(body, "body");
    Target t = resolve(target);
    ObjectBinding<?> binding = binding(t.namespace());
    if (!type.isAssignableFrom(binding.objectClass())) {
      throw new IllegalArgumentException(
          "Namespace "
              + t.namespace()
              + " holds "
              + binding.objectClass().getName()
              + ", not "
              + type);
    }
    CompletableFuture<R> f =
        runtime.runInObject(
            t.namespace(),
            t.id(),
            (o, ctx) -> {
              try {
                return body.apply(type.cast(o), ctx);
              } catch (Exception e) {
                // The runtime reports what the turn threw as the RemoteFailureException's cause.
                throw DuroTestKit.<RuntimeException>sneaky(e);
              }
            });
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw unwrapBodyFailure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.duro.TransportException("Interrupted while waiting for the turn", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable e) throws E {
    throw (E) e;
  }

  private static RuntimeException unwrapBodyFailure(Throwable failure) {
    if (failure instanceof RemoteFailureException) {
      Throwable cause = failure.getCause();
      if (cause instanceof RuntimeException) {
        return (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
    }
    return Calls.asDuroException(failure);
  }

  // ------------------------------------------------------------------------------------------
  // Storage

  /**
   * A read-only snapshot of what the target object has committed: fields, storage entries, alarm.
   * Activates nothing.
   */
  public StoredObject storage(Object target) {
    Target t = resolve(target);
    ObjectRuntime r = runtime;
    return new StoredObject(
        t.namespace(),
        t.id(),
        r.storedFields(t.namespace(), t.id()),
        r.storedEntries(t.namespace(), t.id()),
        r.storedAlarm(t.namespace(), t.id()),
        binding(t.namespace()),
        this);
  }

  /**
   * The objects of a namespace that have committed state (a non-default {@code @Persist} field, a
   * storage entry or an alarm), in id byte order. An id carries its name if the object was
   * addressed by name: the runtime stores the name with the object's first commit, so it is kept
   * across {@link #restart()}, however the object was reached (by the test, by another object or by
   * {@link #runInObject}). An object addressed only by its hex id until then is named when a later
   * commit is made while it is addressed by name, or when this kit's namespaces turned its name
   * into an id.
   */
  public List<ObjectId> listObjects(Function<? super Invoker, ? extends Namespace<?>> factory) {
    return listObjects(factory.apply(invoker).name());
  }

  /** {@link #listObjects(Function)} by namespace name. */
  public List<ObjectId> listObjects(String namespace) {
    List<ObjectId> out = new ArrayList<>();
    for (ObjectId id : runtime.listObjects(namespace)) {
      ObjectId named = id.name().isPresent() ? id : namedIds.get(id);
      out.add(named != null ? named : id);
    }
    return List.copyOf(out);
  }

  /** Number of commits applied to the kit's storage so far (failed ones not counted). */
  public int commitCount() {
    return storage.appliedCount();
  }

  // ------------------------------------------------------------------------------------------
  // Time

  /** The kit's clock; its {@link ManualClock#now()} is what objects see as {@code ctx.now()}. */
  public ManualClock clock() {
    return clock;
  }

  /** The current time of the kit's clock. */
  public Instant now() {
    return clock.now();
  }

  /**
   * Moves the clock forward by {@code duration}; alarms (and alarm retries) that become due run, in
   * time order, before this method returns, as do commits held by {@link #slowCommits} that become
   * due.
   */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Moves the clock forward to {@code time}; due alarms run before this method returns. */
  public void advanceTo(Instant time) {
    clock.advanceTo(time);
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * Evicts every object that is not in a turn, as the host does after an idle timeout: fields not
   * marked {@code @Persist} are lost, and the next call activates the object again from storage.
   *
   * @return the number of objects evicted
   */
  public int evictAll() {
    return runtime.evictAll();
  }

  /**
   * Evicts the target object if it is in memory and not in a turn (nor waiting for a commit).
   *
   * @return whether it was evicted
   */
  public boolean evict(Object target) {
    Target t = resolve(target);
    return runtime.evict(t.namespace(), t.id());
  }

  /** Number of objects currently activated (in memory). */
  public int activeObjectCount() {
    return runtime.activeObjectCount();
  }

  /**
   * Simulates a host restart: the runtime is closed gracefully (queued turns finish, held commits
   * are applied) and a new one starts over the same storage and clock. Every instance and cache is
   * gone; committed state and pending alarms are kept (alarms are reloaded from storage, and a
   * pending alarm retry starts again at retry 0, as after a real restart). Stubs made before keep
   * working. Must not be called from inside a turn.
   */
  public void restart() {
    checkOpen();
    stop();
    start();
  }

  /** The runtime under the kit (replaced by {@link #restart()}), for what the kit does not wrap. */
  public ObjectRuntime runtime() {
    return runtime;
  }

  // ------------------------------------------------------------------------------------------
  // Fault injection

  /**
   * Makes the next commit fail, as a disk error would: the turns in it (and later turns of the same
   * object that depended on it) fail with {@link dev.duro.TransportException}, nothing of them is
   * stored, and the object is dropped from memory so its next turn reloads the last committed
   * state.
   */
  public void failNextCommit() {
    storage.failNextApplies(1);
  }

  /**
   * From now on, each commit becomes durable only when the clock has moved {@code delay} past its
   * submission; {@code Duration.ZERO} turns this off. Deterministic, no real waiting: replies wait
   * (the output gate), while the object's next turns already run on its pending state. Use async
   * stubs ({@code stub.async()}) and {@link #advance} to let commits through: a blocking stub call
   * on the thread that must advance the clock would wait forever.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public void slowCommits(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    commitDelay = delay;
  }

  /** Number of commits waiting for the clock because of {@link #slowCommits}. */
  public int heldCommits() {
    return committer.heldCount();
  }

  /**
   * Makes new calls to the target object fail at once with {@link dev.duro.OverloadedException}, as
   * when its queue is full, from any caller (stubs, other objects); nothing is run. Alarms still
   * fire and {@link #runInObject} still gets in. Survives {@link #restart()}.
   */
  public void overload(Object target) {
    Target t = resolve(target);
    overloaded.add(t);
    runtime.simulateOverload(t.namespace(), t.id(), true);
  }

  /** Ends {@link #overload} of the target object. */
  public void clearOverload(Object target) {
    Target t = resolve(target);
    overloaded.remove(t);
    runtime.simulateOverload(t.namespace(), t.id(), false);
  }

  // ------------------------------------------------------------------------------------------
  // Fakes

  /**
   * Serves the namespace with {@code fake} instead of the real object class: every object of the
   * namespace is that one instance. Calls (from the test or from other objects) are still encoded
   * by the stubs and decoded and dispatched by the class's generated binding, so argument and reply
   * encoding is as in production; only the object changes. Typically {@code fake} is a subclass of
   * the object class that overrides its {@code @Rpc} methods.
   *
   * <p>A fake has no {@code @Persist} fields, {@code @OnActivate} or alarm; it keeps its state in
   * its own fields, shared by all ids, and its methods run one at a time per id. Installing a fake
   * {@link #restart() restarts} the runtime (instances dropped, storage and alarms kept).
   *
   * @throws IllegalArgumentException if the namespace is not hosted or {@code fake} is not an
   *     instance of its object class
   */
  public <T> void fake(Function<? super Invoker, ? extends Namespace<?>> namespace, T fake) {
    String ns = namespace.apply(invoker).name();
    ObjectBinding<?> real = realBinding(ns);
    if (real == null) {
      throw new IllegalArgumentException(
          "Namespace " + ns + " is not hosted by this kit; use fake(namespace, CallHandler)");
    }
    install(ns, FakeBinding.ofInstance(real, Objects.requireNonNull(fake, "fake")));
  }

  /**
   * Serves the namespace with {@code handler}, at the wire level: it gets each call's method name
   * and encoded request and returns the encoded reply. Typically the handler is the generated
   * {@code XNamespace.handler(impl)} over a typed fake implementing {@code XApi}:
   *
   * <pre>{@code
   * class FakeCounter implements CounterApi { ... }
   * kit.fake(CounterNamespace::of, CounterNamespace.handler(new FakeCounter()));
   * kit.fake(GreeterNamespace::of, GreeterNamespace.handler(name -> "hi " + name)); // one method
   * }</pre>
   *
   * <p>or a lambda over raw bytes. What the handler throws reaches callers as an object method's
   * exception would (stubs rethrow declared types typed). Works for namespaces this kit does not
   * host (for example another team's objects); for hosted ones unknown method names still fail with
   * {@link dev.duro.UnknownMethodException}. Streaming methods of a faked namespace fail: handlers
   * serve unary calls only. Installing a fake {@link #restart() restarts} the runtime.
   */
  public void fake(
      Function<? super Invoker, ? extends Namespace<?>> namespace, CallHandler handler) {
    String ns = namespace.apply(invoker).name();
    install(ns, FakeBinding.ofHandler(ns, realBinding(ns), Objects.requireNonNull(handler)));
  }

  /** Serves the namespace with its real object class again (restarting the runtime). */
  public void unfake(Function<? super Invoker, ? extends Namespace<?>> namespace) {
    String ns = namespace.apply(invoker).name();
    if (fakes.remove(ns) != null) {
      restart();
    }
  }

  private void install(String ns, ObjectBinding<?> fake) {
    checkOpen();
    stop();
    fakes.put(ns, fake);
    start();
  }

  // ------------------------------------------------------------------------------------------
  // Alarms

  /**
   * The alarm of the target object as its next turn would see it: set and not yet fired, or fired
   * and waiting for a retry. Activates nothing.
   */
  public Optional<Instant> pendingAlarm(Object target) {
    Target t = resolve(target);
    return runtime.pendingAlarm(t.namespace(), t.id());
  }

  /**
   * Fires the target object's alarm now, whatever its time and without moving the clock, as a turn
   * in the object's turn order; honours retries as a due alarm does (a pending retry is the one
   * fired; a throwing alarm schedules the next retry).
   *
   * @return whether the object had an alarm (and it ran)
   * @throws RemoteFailureException if the alarm method threw (its retry is scheduled)
   * @throws DuroException if the turn failed otherwise (a failed commit)
   */
  public boolean fireAlarm(Object target) {
    Target t = resolve(target);
    CompletableFuture<Boolean> f = runtime.fireAlarmNow(t.namespace(), t.id());
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Calls.asDuroException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.duro.TransportException("Interrupted while waiting for the alarm", e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Closing

  /**
   * Closes the runtime and the in-memory storage; later calls fail with {@link
   * dev.duro.TransportException}. Commits held by {@link #slowCommits} are applied first.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      memory.close();
    }
  }

  @Override
  public String toString() {
    return "DuroTestKit[" + runtime + " at " + clock.now() + "]";
  }

  // ------------------------------------------------------------------------------------------
  // Targets

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The kit is closed");
    }
  }

  private @Nullable ObjectBinding<?> realBinding(String namespace) {
    for (ObjectBinding<?> b : hosted) {
      if (b.namespace().equals(namespace)) {
        return b;
      }
    }
    return null;
  }

  private ObjectBinding<?> binding(String namespace) {
    ObjectBinding<?> fake = fakes.get(namespace);
    if (fake != null) {
      return fake;
    }
    ObjectBinding<?> real = realBinding(namespace);
    if (real == null) {
      throw new IllegalArgumentException("Namespace " + namespace + " is not hosted by this kit");
    }
    return real;
  }

  private Target resolve(Object target) {
    ObjectId id = idOf(Objects.requireNonNull(target, "target"));
    for (ObjectBinding<?> b : runtime.bindings()) {
      if (NamespaceKey.of(b.namespace()).owns(id)) {
        return new Target(b.namespace(), id);
      }
    }
    throw new IllegalArgumentException(
        "Object " + id + " belongs to none of the namespaces of this kit: " + runtime);
  }

  private static ObjectId idOf(Object target) {
    if (target instanceof ObjectId) {
      return (ObjectId) target;
    }
    // Generated stubs share no interface; their public id() is the contract. Test code only.
    try {
      Method m = target.getClass().getMethod("id");
      Object id = m.invoke(target);
      if (id instanceof ObjectId) {
        return (ObjectId) id;
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      // Falls through to the error below.
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("id() of " + target + " threw", e.getCause());
    }
    throw new IllegalArgumentException(
        "Not a stub or an ObjectId (no public ObjectId id() method): " + target.getClass());
  }

  /** Delivers calls to whichever runtime is current; remembers names the test used. */
  private final class KitInvoker implements Invoker {
    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      if (id != null && id.name().isPresent()) {
        namedIds.putIfAbsent(id, id);
      }
      return runtime.call(namespace, id, method, request);
    }

    @Override
    public Flow.Publisher<byte[]> stream(
        String namespace, ObjectId id, String method, byte[] request) {
      if (id != null && id.name().isPresent()) {
        namedIds.putIfAbsent(id, id);
      }
      byte[] copy = request == null ? null : request.clone();
      // The runtime of the moment of subscription: restart() replaces it.
      return subscriber -> runtime.stream(namespace, id, method, copy).subscribe(subscriber);
    }
  }

  /** Configures a {@link DuroTestKit}. */
  public static final class Builder {
    private @Nullable List<ObjectBinding<?>> bindings;
    private Instant start = ManualClock.DEFAULT_START;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private AlarmRetryPolicy alarmRetry = AlarmRetryPolicy.defaults().withJitter(0);

    private Builder() {}

    /** The objects to host. Default: every binding registered with the ServiceLoader. */
    public Builder bindings(ObjectBinding<?>... bindings) {
      return bindings(Arrays.asList(bindings));
    }

    /** The objects to host. Default: every binding registered with the ServiceLoader. */
    public Builder bindings(Collection<? extends ObjectBinding<?>> bindings) {
      this.bindings = List.copyOf(bindings);
      return this;
    }

    /** Where the clock starts. Default {@link ManualClock#DEFAULT_START}. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * How long an object may stay idle (in clock time) before it is evicted. Default 5 minutes, as
     * in production, so advancing the clock evicts objects as a host would.
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * How throwing alarms are retried. Default {@link AlarmRetryPolicy#defaults()} without jitter,
     * so retry times are exact (2 s, 4 s, 8 s, ... after each failure); a policy with jitter makes
     * them vary between runs, as in production.
     */
    public Builder alarmRetry(AlarmRetryPolicy alarmRetry) {
      this.alarmRetry = Objects.requireNonNull(alarmRetry, "alarmRetry");
      return this;
    }

    /** Starts the kit. */
    public DuroTestKit build() {
      return new DuroTestKit(this);
    }
  }
}
