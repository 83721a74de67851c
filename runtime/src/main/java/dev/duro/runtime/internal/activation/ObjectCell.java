package dev.duro.runtime.internal.activation;

import dev.duro.AlarmInfo;
import dev.duro.DeadlineExceededException;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.binding.CallContext;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.runtime.internal.activation.PendingCommit.Completion;
import dev.duro.runtime.internal.storage.KeyLayout;
import dev.duro.runtime.internal.storage.UnsignedBytes;
import dev.duro.runtime.internal.turn.TurnQueue;
import dev.duro.runtime.spi.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One object in the runtime: its turn queue, its instance (when active), and its commit chain. See
 * the package documentation for the threading model.
 */
final class ObjectCell {
  private static final byte[] EMPTY = new byte[0];

  final Engine engine;
  final ObjectBinding<Object> binding;
  final CellKey key;
  final byte[] prefix;
  private final byte[] alarmKey;
  final TurnQueue queue;
  final ContextImpl context;

  /** The id; gains the object's name when a call addresses it by name. */
  volatile ObjectId id;

  // ---- Confined to this object's turns (the queue orders them and publishes their writes).
  private @Nullable Object instance;
  private long stateGeneration = -1;
  private boolean stateLoaded;

  /** Whether the id's name is known to be stored (or pending): it is written at most once. */
  private boolean nameStored;

  // Read with the alarm at load: the name key is known to be missing, so storing it needs no read.
  private boolean nameAbsent;

  /** Encoded {@code @Persist} values as of the last successful turn; absent = never stored. */
  private final HashMap<String, byte[]> fields = new HashMap<>();

  /** The alarm as of the last successful turn (epoch millis), durable or pending. */
  private @Nullable Long alarm;

  /** The running turn's state and thread, for {@link ContextImpl}'s checks. */
  volatile @Nullable TurnState turn;

  volatile @Nullable Thread turnThread;

  /** Whether an instance is in memory; for {@code activeObjectCount()}. */
  volatile boolean active;

  // ---- Shared with other threads, guarded by lock (never held while user code runs).
  final Object lock = new Object();

  /** Turns accepted and not yet finished (queued or running). */
  int queued;

  /** Evicted: refuses new turns; the table holds a fresh cell for the key instead. */
  boolean retired;

  /** Incremented when a commit fails: state loaded under an older generation is stale. */
  private long generation;

  private long nextSeq;
  private @Nullable PendingCommit inFlight;
  private @Nullable PendingCommit next;

  /** Writes of {@link #inFlight} and {@link #next}, newest per key: what turns must read. */
  private final HashMap<BytesKey, PendingValue> pending = new HashMap<>();

  long lastActiveMillis;

  /** Streams of this object not yet ended; an object with one is not evicted. */
  private final java.util.Set<StreamSink> openSinks = new java.util.HashSet<>();

  /** {@link System#nanoTime()} when the last turn started: the LRU order of the activation cap. */
  volatile long lastUse = System.nanoTime();

  /** How calls from this object name it in a call chain. */
  final String reference;

  private static final class PendingValue {
    final byte @Nullable [] value;
    final long seq;

    PendingValue(byte @Nullable [] value, long seq) {
      this.value = value;
      this.seq = seq;
    }
  }

  /** What a successful turn commits and how it changes the cell's state. */
  private static final class Outcome {
    final WriteBatch writes;
    final @Nullable AlarmAction action;
    final List<String> changedFields;
    final List<byte[]> changedValues;

    Outcome(
        WriteBatch writes,
        @Nullable AlarmAction action,
        List<String> changedFields,
        List<byte[]> changedValues) {
      this.writes = writes;
      this.action = action;
      this.changedFields = changedFields;
      this.changedValues = changedValues;
    }
  }

  ObjectCell(Engine engine, ObjectBinding<Object> binding, CellKey key, ObjectId id) {
    this.engine = engine;
    this.binding = binding;
    this.key = key;
    this.id = id;
    this.prefix = KeyLayout.objectPrefix(key.namespace(), key.id());
    this.alarmKey = KeyLayout.alarm(prefix);
    this.queue = new TurnQueue(engine.turnExecutor);
    this.context = new ContextImpl(this);
    this.reference = CallContext.reference(key.namespace(), key.id());
    this.lastActiveMillis = engine.nowMillis();
  }

  /** Called under {@link #lock} when a turn is accepted with {@code other} as the id. */
  void adoptName(ObjectId other) {
    if (other.name().isPresent() && id.name().isEmpty()) {
      id = other;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Turns

  void runCall(
      Invocation<Object> invocation,
      CallContext caller,
      String method,
      CompletableFuture<byte[]> reply,
      Future<?> callerView) {
    long gen = beginTurn();
    if (callerView.isCancelled()) {
      // The caller cancelled while the call waited for its turn: nobody waits for the reply.
      finish(
          gen,
          null,
          null,
          failing(
              reply,
              new CancellationException(
                  key.namespace() + "." + method + " was cancelled before its turn; not run")));
      return;
    }
    if (caller.isExpired()) {
      // The caller has given up: running the turn would commit writes nobody is told about.
      finish(
          gen,
          null,
          null,
          failing(
              reply,
              new DeadlineExceededException(
                  "Deadline of "
                      + key.namespace()
                      + "."
                      + method
                      + " on "
                      + this
                      + " passed before its turn started; it was not run")));
      return;
    }
    try {
      loadState();
    } catch (StorageFailure e) {
      finish(gen, null, null, failing(reply, transport(e)));
      return;
    }
    TurnState t = TurnState.forCall(alarm, caller.withCaller(reference));
    boolean activated = false;
    byte[] result;
    Outcome outcome;
    long started = System.nanoTime();
    RunningTurn running = enter(t, method, started);
    try (CallContext.Scope scope = t.calls.enter()) {
      activated = ensureActive();
      byte[] r = invocation.invoke(Objects.requireNonNull(instance));
      result = r == null ? EMPTY : r;
      outcome = collect(t);
    } catch (Throwable e) {
      leave();
      engine.turnEnded(running);
      TurnState.discard(t.effects);
      rollback(activated);
      finish(gen, null, null, failing(reply, classify(e)));
      return;
    } finally {
      leave();
    }
    engine.turnEnded(running);
    apply(t, outcome);
    List<StreamSink.Effect> effects = t.effects;
    finish(
        gen,
        outcome.writes,
        outcome.action,
        effects == null
            ? new Completion(() -> reply.complete(result), reply::completeExceptionally)
            : new Completion(
                () -> reply.complete(result),
                error -> {
                  TurnState.discard(effects);
                  reply.completeExceptionally(error);
                },
                effects));
  }

  /**
   * An alarm turn. {@code expected}: the alarm time the scheduler fired, or {@code null} to fire
   * whatever alarm is set now (out of turn, for the test kit; the scheduler's pending firing or
   * retry of it is taken over, retry count included). {@code done} completes with {@code true} once
   * the alarm ran and its turn is durable, {@code false} if there was no (such) alarm, or
   * exceptionally if the alarm method threw (after its retry was scheduled or the alarm dropped) or
   * storage failed.
   */
  void runAlarm(@Nullable Long expected, int retryCount, CompletableFuture<Boolean> done) {
    long gen = beginTurn();
    Completion skipped = new Completion(() -> done.complete(false), done::completeExceptionally);
    try {
      loadState();
    } catch (StorageFailure e) {
      // Cannot tell whether the alarm is still set: try again later, without counting a retry.
      finish(
          gen,
          null,
          expected == null ? null : infrastructureRetry(expected, retryCount),
          failing(done, transport(e)));
      return;
    }
    Long current = alarm;
    if (current == null || (expected != null && !current.equals(expected))) {
      // Changed or deleted since it was scheduled: the new alarm has its own timer.
      finish(gen, null, null, skipped);
      return;
    }
    long scheduledMillis = current;
    if (expected == null) {
      retryCount = engine.takeScheduledAlarm(this, scheduledMillis);
    }
    TurnState t = TurnState.forAlarm(current, CallContext.none().withCaller(reference));
    boolean activated = false;
    Outcome outcome;
    long started = System.nanoTime();
    RunningTurn running = enter(t, "@Alarm", started);
    try (CallContext.Scope scope = t.calls.enter()) {
      activated = ensureActive();
      binding.fireAlarm(
          Objects.requireNonNull(instance),
          new AlarmInfo(Instant.ofEpochMilli(scheduledMillis), retryCount));
      outcome = collect(t);
    } catch (Throwable e) {
      leave();
      engine.turnEnded(running);
      TurnState.discard(t.effects);
      rollback(activated);
      Completion failed = failing(done, classify(e));
      if (e instanceof StorageFailure) {
        finish(gen, null, infrastructureRetry(scheduledMillis, retryCount), failed);
      } else if (retryCount < engine.retryPolicy.maxRetries()) {
        int retry = retryCount + 1;
        Instant at = engine.alarmRetryAt(this, scheduledMillis, retry);
        finish(gen, null, AlarmAction.retry(scheduledMillis, retry, at), failed);
      } else {
        // Out of retries: drop the alarm, durably, like Durable Objects do.
        WriteBatch drop =
            WriteBatch.builder()
                .delete(alarmKey)
                .delete(KeyLayout.alarmIndex(scheduledMillis, prefix))
                .build();
        alarm = null;
        engine.alarmAbandoned(this, scheduledMillis, retryCount + 1, e);
        finish(gen, drop, AlarmAction.cancel(), failed);
      }
      return;
    } finally {
      leave();
    }
    engine.turnEnded(running);
    apply(t, outcome);
    List<StreamSink.Effect> effects = t.effects;
    Completion completion =
        new Completion(
            () -> done.complete(true),
            error -> {
              TurnState.discard(effects);
              done.completeExceptionally(error);
            },
            effects);
    finish(gen, outcome.writes, outcome.action, completion);
  }

  private AlarmAction infrastructureRetry(long scheduledMillis, int retryCount) {
    return AlarmAction.retry(
        scheduledMillis, retryCount, engine.time.now().plus(engine.retryPolicy.initialDelay()));
  }

  private long beginTurn() {
    long gen;
    synchronized (lock) {
      gen = generation;
    }
    if (stateGeneration != gen) {
      // A commit failed since the state was loaded: the instance may hold writes that were lost.
      dropInstance();
      stateLoaded = false;
      nameStored = false;
      nameAbsent = false;
      stateGeneration = gen;
    }
    return gen;
  }

  private void loadState() {
    if (!stateLoaded) {
      // One read for both: the name is needed at the first commit of a named object anyway.
      byte[][] v = readKeys(alarmKey, KeyLayout.name(prefix));
      alarm = KeyLayout.parseAlarmValue(v[0]);
      nameAbsent = v[1] == null;
      nameStored = !nameAbsent;
      stateLoaded = true;
    }
  }

  private RunningTurn enter(TurnState t, String method, long startedNanos) {
    lastUse = startedNanos;
    turn = t;
    turnThread = Thread.currentThread();
    return engine.turnStarted(this, method, startedNanos);
  }

  private void leave() {
    turnThread = null;
    turn = null;
  }

  /** Activates the object if needed: constructor, then {@code @Persist} load, then onActivate. */
  private boolean ensureActive() throws Exception {
    if (instance != null) {
      return false;
    }
    Object o = binding.newInstance(context);
    fields.clear();
    binding.readFields(
        o,
        name -> {
          byte[] v = readKey(KeyLayout.field(prefix, name));
          if (v != null) {
            fields.put(name, v);
          }
          return v;
        });
    binding.onActivate(o);
    instance = o;
    active = true;
    return true;
  }

  private void rollback(boolean activatedThisTurn) {
    Object o = instance;
    if (o == null) {
      return;
    }
    if (activatedThisTurn) {
      // The activation belongs to the failed turn; the next turn activates afresh.
      dropInstance();
      return;
    }
    try {
      binding.readFields(o, fields::get);
    } catch (Throwable e) {
      dropInstance();
    }
  }

  private void dropInstance() {
    Object dropped = instance;
    if (dropped != null) {
      failSinks(
          dropped,
          new TransportException(
              "Object " + this + " was reset after a failed turn or commit; subscribe again"));
    }
    instance = null;
    active = false;
    fields.clear();
  }

  private Outcome collect(TurnState t) {
    List<String> changedFields = new ArrayList<>(2);
    List<byte[]> changedValues = new ArrayList<>(2);
    binding.writeFields(
        Objects.requireNonNull(instance),
        (name, encoded) -> {
          byte[] old = fields.get(name);
          boolean same = old == null ? encoded.length == 0 : Arrays.equals(old, encoded);
          if (!same) {
            changedFields.add(name);
            changedValues.add(encoded.clone());
          }
        });
    WriteBatch.Builder w = WriteBatch.builder();
    if (t.cleared) {
      deleteAllStorage(w);
    }
    for (int i = 0; i < changedFields.size(); i++) {
      byte[] k = KeyLayout.field(prefix, changedFields.get(i));
      byte[] v = changedValues.get(i);
      if (v.length == 0) {
        w.delete(k);
      } else {
        w.put(k, v);
      }
    }
    for (Map.Entry<String, byte[]> e : t.storage.entrySet()) {
      byte[] k = KeyLayout.storage(prefix, e.getKey());
      if (e.getValue() == TurnState.TOMBSTONE) {
        w.delete(k);
      } else {
        w.put(k, e.getValue());
      }
    }
    AlarmAction action = null;
    if (t.alarmChanged) {
      Long old = t.storedAlarm;
      Long now = t.alarm;
      if (!Objects.equals(old, now)) {
        if (old != null) {
          w.delete(KeyLayout.alarmIndex(old, prefix));
        }
        if (now != null) {
          w.put(alarmKey, KeyLayout.alarmValue(now));
          w.put(KeyLayout.alarmIndex(now, prefix), KeyLayout.alarmIndexValue(id));
        } else {
          w.delete(alarmKey);
        }
      }
      // Even an unchanged time is rescheduled: in an alarm turn its timer has been consumed.
      action = now == null ? AlarmAction.cancel() : AlarmAction.set(now);
    }
    if (w.size() > 0 && !nameStored) {
      storeName(w);
    }
    return new Outcome(w.build(), action, changedFields, changedValues);
  }

  /**
   * Adds the id's name to the first commit of an object addressed by name, so that tools list it
   * with its name after a restart: one read per activation, one small write per object.
   */
  private void storeName(WriteBatch.Builder w) {
    String name = id.name().orElse(null);
    if (name == null) {
      return; // not (yet) addressed by name: checked again at the next commit
    }
    byte[] k = KeyLayout.name(prefix);
    if (nameAbsent || readKey(k) == null) {
      w.put(k, KeyLayout.nameValue(name));
    }
    nameStored = true;
    nameAbsent = false;
  }

  /** Adds a delete of every storage entry of the object, committed or pending, to {@code w}. */
  private void deleteAllStorage(WriteBatch.Builder w) {
    byte[] from = KeyLayout.storageStart(prefix);
    byte[] to = KeyLayout.storageEnd(prefix);
    pendingRange(
        from,
        to,
        (k, v) -> {
          if (v != null) {
            w.delete(k);
          }
        });
    try {
      engine.storage.scan(
          from,
          to,
          (k, v) -> {
            w.delete(k);
            return true;
          });
    } catch (RuntimeException e) {
      throw new StorageFailure(e);
    }
  }

  private void apply(TurnState t, Outcome outcome) {
    for (int i = 0; i < outcome.changedFields.size(); i++) {
      fields.put(outcome.changedFields.get(i), outcome.changedValues.get(i));
    }
    if (t.alarmChanged) {
      alarm = t.alarm;
    }
  }

  private Throwable classify(Throwable e) {
    if (e instanceof StorageFailure) {
      return transport((StorageFailure) e);
    }
    return new RemoteFailureException(e.getClass().getName(), e.getMessage(), e);
  }

  private TransportException transport(StorageFailure e) {
    return new TransportException(
        "Storage failed during a turn of " + this + "; nothing was committed: " + e.getCause(),
        e.getCause());
  }

  private static Completion failing(CompletableFuture<?> reply, Throwable failure) {
    return new Completion(() -> reply.completeExceptionally(failure), reply::completeExceptionally);
  }

  // ------------------------------------------------------------------------------------------
  // Commit chain

  /**
   * Ends a turn: queues its writes behind the object's pending commit (or submits them), or, if it
   * wrote nothing, releases it after the pending commit (or at once). Also ends the turn's count in
   * {@link #queued}, in the same critical section, so eviction never sees a finished turn whose
   * writes are not yet in the chain.
   */
  private void finish(
      long gen, @Nullable WriteBatch writes, @Nullable AlarmAction action, Completion completion) {
    long now = engine.nowMillis();
    boolean stale = false;
    boolean runNow = false;
    PendingCommit submit = null;
    synchronized (lock) {
      queued--;
      lastActiveMillis = now;
      if (gen != generation) {
        stale = true;
      } else if (writes == null || writes.isEmpty()) {
        PendingCommit last = next != null ? next : inFlight;
        if (last == null) {
          runNow = true;
          // Under the lock, like committed(): events reach sinks in turn order.
          releaseEffects(completion);
        } else {
          if (action != null) {
            last.alarm = action;
          }
          last.completions.add(completion);
        }
      } else {
        PendingCommit pc;
        if (inFlight == null) {
          pc = new PendingCommit(nextSeq++);
          inFlight = pc;
          submit = pc;
        } else {
          if (next == null) {
            next = new PendingCommit(nextSeq++);
          }
          pc = next;
        }
        pc.writes.putAll(writes);
        long seq = pc.seq;
        writes.forEach((k, v) -> pending.put(new BytesKey(k), new PendingValue(v, seq)));
        if (action != null) {
          pc.alarm = action;
        }
        pc.completions.add(completion);
        if (submit != null) {
          submit.seal();
        }
      }
    }
    if (stale) {
      completion.onFailure.accept(
          new TransportException(
              "An earlier commit of "
                  + this
                  + " failed while this turn ran on its state; nothing of this turn was"
                  + " committed"));
    } else if (runNow) {
      if (action != null) {
        engine.applyAlarmAction(this, action);
      }
      deliverEffects(completion);
      release(completion);
    } else if (submit != null) {
      engine.submit(this, submit);
    }
  }

  /** Called once the commit of {@code pc} (this cell's in-flight one) completed. */
  void committed(PendingCommit pc, @Nullable Throwable error) {
    long now = engine.nowMillis();
    if (error == null) {
      List<Completion> done;
      AlarmAction action;
      PendingCommit submit;
      synchronized (lock) {
        WriteBatch b = Objects.requireNonNull(pc.batch);
        b.forEach(
            (k, v) -> {
              BytesKey bk = new BytesKey(k);
              PendingValue pv = pending.get(bk);
              if (pv != null && pv.seq == pc.seq) {
                pending.remove(bk);
              }
            });
        done = new ArrayList<>(pc.completions);
        action = pc.alarm;
        // Under the lock: a later commit of this object (submitted by a turn that finishes once
        // inFlight moves on) cannot release its events before these.
        for (Completion c : done) {
          releaseEffects(c);
        }
        inFlight = next;
        next = null;
        submit = inFlight;
        if (submit != null) {
          submit.seal();
        }
        lastActiveMillis = now;
      }
      if (action != null) {
        engine.applyAlarmAction(this, action);
      }
      if (submit != null) {
        engine.submit(this, submit);
      }
      for (Completion c : done) {
        deliverEffects(c);
      }
      for (Completion c : done) {
        release(c);
      }
    } else {
      List<Completion> failed;
      List<Completion> dependent;
      synchronized (lock) {
        failed = new ArrayList<>(pc.completions);
        dependent = next == null ? List.of() : new ArrayList<>(next.completions);
        inFlight = null;
        next = null;
        pending.clear();
        generation++;
        lastActiveMillis = now;
      }
      // The next turn drops the instance (its state may include the lost writes) and reloads.
      active = false;
      failSinks(
          null,
          new TransportException(
              "A commit of " + this + " failed; its streams ended, subscribe again: " + error,
              error));
      TransportException first =
          new TransportException(
              "Commit of " + this + " failed; the turn's writes were not applied: " + error, error);
      TransportException later =
          new TransportException(
              "An earlier commit of "
                  + this
                  + " failed and this turn depended on it; its writes were not applied: "
                  + error,
              error);
      for (Completion c : failed) {
        fail(c, first);
      }
      for (Completion c : dependent) {
        fail(c, later);
      }
      engine.resyncAlarm(this);
    }
  }

  /** Hands a turn's stream effects to their sinks; called under {@link #lock}. */
  private static void releaseEffects(Completion c) {
    if (c.effects != null) {
      TurnState.release(c.effects);
    }
  }

  /**
   * Starts delivery of released effects; called after {@link #lock} is released, since with a
   * direct turn executor (the test kit) delivery runs subscriber code inline.
   */
  private static void deliverEffects(Completion c) {
    if (c.effects != null) {
      for (StreamSink.Effect e : c.effects) {
        e.deliver();
      }
    }
  }

  private static void release(Completion c) {
    try {
      c.onDurable.run();
    } catch (Throwable t) {
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
    }
  }

  private static void fail(Completion c, Throwable failure) {
    try {
      c.onFailure.accept(failure);
    } catch (Throwable t) {
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reads

  /** Reads a storage entry of this object: its pending writes first, then committed storage. */
  byte @Nullable [] readStorage(String userKey) {
    return readKey(KeyLayout.storage(prefix, userKey));
  }

  /** {@link #readKey} for several keys, reading storage once for those not pending. */
  private byte @Nullable [][] readKeys(byte[]... keys) {
    byte[][] out = new byte[keys.length][];
    boolean[] pendingHit = new boolean[keys.length];
    int misses = keys.length;
    synchronized (lock) {
      if (!pending.isEmpty()) {
        for (int i = 0; i < keys.length; i++) {
          PendingValue pv = pending.get(new BytesKey(keys[i]));
          if (pv != null) {
            out[i] = pv.value == null ? null : pv.value.clone();
            pendingHit[i] = true;
            misses--;
          }
        }
      }
    }
    if (misses == 0) {
      return out;
    }
    byte[][] stored;
    try {
      stored = engine.storage.getAll(keys);
    } catch (RuntimeException e) {
      throw new StorageFailure(e);
    }
    for (int i = 0; i < keys.length; i++) {
      if (!pendingHit[i]) {
        out[i] = stored[i];
      }
    }
    return out;
  }

  byte @Nullable [] readKey(byte[] k) {
    synchronized (lock) {
      if (!pending.isEmpty()) {
        PendingValue pv = pending.get(new BytesKey(k));
        if (pv != null) {
          return pv.value == null ? null : pv.value.clone();
        }
      }
    }
    try {
      return engine.storage.get(k);
    } catch (RuntimeException e) {
      throw new StorageFailure(e);
    }
  }

  /**
   * Passes the object's pending writes with {@code from <= key < to} (value {@code null}: a delete)
   * to {@code sink}, after copying them out under the lock.
   */
  void pendingRange(byte[] from, byte[] to, BiConsumer<byte[], byte @Nullable []> sink) {
    List<byte[]> keys = new ArrayList<>();
    List<byte @Nullable []> values = new ArrayList<>();
    synchronized (lock) {
      for (Map.Entry<BytesKey, PendingValue> e : pending.entrySet()) {
        byte[] k = e.getKey().bytes;
        if (UnsignedBytes.compare(k, from) >= 0 && UnsignedBytes.compare(k, to) < 0) {
          keys.add(k);
          values.add(e.getValue().value);
        }
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      sink.accept(keys.get(i), values.get(i));
    }
  }

  byte[] alarmKey() {
    return alarmKey;
  }

  // ------------------------------------------------------------------------------------------
  // Streams

  /**
   * Registers a new stream of this object; returns false if the cell was evicted meanwhile (the
   * caller then uses its successor).
   */
  boolean streamOpened(StreamSink sink) {
    synchronized (lock) {
      if (retired) {
        return false;
      }
      openSinks.add(sink);
      return true;
    }
  }

  /** Undoes the acceptance of a turn that will not be queued (its stream found the cell gone). */
  void cancelAccepted() {
    synchronized (lock) {
      queued--;
    }
  }

  /** Accepts a turn regardless of the queue bound; false if the cell was evicted. */
  boolean acceptUnbounded() {
    synchronized (lock) {
      if (retired) {
        return false;
      }
      queued++;
      return true;
    }
  }

  void streamEnded(StreamSink sink) {
    synchronized (lock) {
      openSinks.remove(sink);
    }
  }

  /**
   * Ends with {@code error} every stream received by {@code instance} ({@code null}: every stream
   * whose subscribe turn ran).
   */
  void failSinks(@Nullable Object instance, Throwable error) {
    List<StreamSink> affected = new ArrayList<>();
    synchronized (lock) {
      for (StreamSink s : openSinks) {
        Object owner = s.owner();
        if (s.isEstablished() && (instance == null || owner == instance)) {
          affected.add(s);
        }
      }
    }
    for (StreamSink s : affected) {
      s.failByRuntime(error);
    }
  }

  /** Streams of this object not yet ended. */
  int openStreamCount() {
    synchronized (lock) {
      return openSinks.size();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Eviction

  /** Retires the cell if it is idle; called by the sweep. */
  boolean tryRetire(long nowMillis, long idleMillis, boolean regardlessOfTime) {
    synchronized (lock) {
      if (retired
          || queued != 0
          || !openSinks.isEmpty()
          || inFlight != null
          || next != null
          || (!regardlessOfTime && nowMillis - lastActiveMillis < idleMillis)) {
        return false;
      }
      retired = true;
    }
    active = false;
    return true;
  }

  @Override
  public String toString() {
    return key.namespace() + "/" + id;
  }
}
