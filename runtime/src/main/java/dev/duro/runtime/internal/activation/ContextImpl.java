package dev.duro.runtime.internal.activation;

import dev.duro.Alarms;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.Storage;
import dev.duro.StorageTransaction;
import dev.duro.binding.Invoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ObjectContext} of one object (one per cell, shared by its activations). Every
 * turn-only method checks that the calling thread is the one running a turn of this object right
 * now, then reads or writes the turn's {@link TurnState}.
 */
final class ContextImpl implements ObjectContext {
  private final ObjectCell cell;
  private final Alarms alarms = new AlarmsImpl();
  private final Storage storage = new StorageImpl();

  ContextImpl(ObjectCell cell) {
    this.cell = cell;
  }

  @Override
  public ObjectId id() {
    return cell.id;
  }

  @Override
  public String namespace() {
    return cell.key.namespace();
  }

  @Override
  public Alarms alarm() {
    turn("alarm()");
    return alarms;
  }

  @Override
  public Storage storage() {
    turn("storage()");
    return storage;
  }

  @Override
  public Instant now() {
    turn("now()");
    return cell.engine.time.now();
  }

  @Override
  public String toString() {
    return "ObjectContext[" + cell.key.namespace() + "/" + cell.id + "]";
  }

  private TurnState turn(String what) {
    TurnState t = cell.turn;
    if (t == null || cell.turnThread != Thread.currentThread()) {
      throw new IllegalStateException(
          "ObjectContext."
              + what
              + " used outside a turn of "
              + cell.key.namespace()
              + "/"
              + cell.id
              + ": call it from an @Rpc, @Alarm or @OnActivate method of this object, on the"
              + " thread running it");
    }
    return t;
  }

  private final class AlarmsImpl implements Alarms {
    @Override
    public void set(Instant time) {
      Objects.requireNonNull(time, "time");
      TurnState t = turn("alarm().set");
      if (!cell.binding.hasAlarm()) {
        throw new IllegalStateException(
            "Namespace "
                + cell.key.namespace()
                + " ("
                + cell.binding.objectClass().getName()
                + ") has no @Alarm method: an alarm set on its objects would never run");
      }
      long millis;
      try {
        millis = time.toEpochMilli();
        // Alarms have millisecond granularity; round up so an alarm never fires early.
        if (time.getNano() % 1_000_000 != 0) {
          millis = Math.addExact(millis, 1);
        }
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("Alarm time out of range: " + time, e);
      }
      t.alarmChanged = true;
      t.alarm = millis;
    }

    @Override
    public void setIn(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      turn("alarm().setIn");
      Instant at;
      try {
        at = cell.engine.time.now().plus(delay);
      } catch (ArithmeticException | java.time.DateTimeException e) {
        throw new IllegalArgumentException("Alarm delay out of range: " + delay, e);
      }
      set(at);
    }

    @Override
    public Optional<Instant> get() {
      Long a = turn("alarm().get").alarm;
      return a == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(a));
    }

    @Override
    public void delete() {
      TurnState t = turn("alarm().delete");
      t.alarmChanged = true;
      t.alarm = null;
    }

    @Override
    public String toString() {
      return "Alarms[" + cell.key.namespace() + "/" + cell.id + "]";
    }
  }

  @Override
  public <N> N namespace(Function<? super Invoker, ? extends N> factory) {
    return factory.apply(cell.engine.localInvoker());
  }

  private final class StorageImpl implements Storage {
    @Override
    public byte[] get(String key) {
      TurnState t = turn("storage().get");
      checkKey(key);
      return read(t, key);
    }

    private byte @Nullable [] read(TurnState t, String key) {
      byte[] v = t.storage.get(key);
      if (v != null) {
        return v == TurnState.TOMBSTONE ? null : v.clone();
      }
      return t.cleared ? null : cell.readStorage(key);
    }

    @Override
    public Map<String, byte[]> get(Collection<String> keys) {
      TurnState t = turn("storage().get");
      for (String k : keys) {
        checkKey(k);
      }
      Map<String, byte[]> found = new LinkedHashMap<>();
      for (String k : keys) {
        byte[] v = read(t, k);
        if (v != null) {
          found.put(k, v);
        }
      }
      return found;
    }

    @Override
    public void put(String key, byte[] value) {
      TurnState t = turn("storage().put");
      checkEntry(key, value);
      t.storage.put(key, value.clone());
    }

    @Override
    public void put(Map<String, byte[]> entries) {
      TurnState t = turn("storage().put");
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        checkEntry(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        t.storage.put(e.getKey(), e.getValue().clone());
      }
    }

    @Override
    public boolean delete(String key) {
      TurnState t = turn("storage().delete");
      checkKey(key);
      return remove(t, key);
    }

    private boolean remove(TurnState t, String key) {
      boolean existed = read(t, key) != null;
      t.storage.put(key, TurnState.TOMBSTONE);
      return existed;
    }

    @Override
    public int delete(Collection<String> keys) {
      TurnState t = turn("storage().delete");
      for (String k : keys) {
        checkKey(k);
      }
      int n = 0;
      for (String k : keys) {
        if (remove(t, k)) {
          n++;
        }
      }
      return n;
    }

    @Override
    public void deleteAll(boolean alsoAlarm) {
      TurnState t = turn("storage().deleteAll");
      t.storage.clear();
      t.cleared = true;
      if (alsoAlarm) {
        t.alarmChanged = true;
        t.alarm = null;
      }
    }

    @Override
    public <T, E extends Exception> T transaction(StorageTransaction<T, E> body) throws E {
      Objects.requireNonNull(body, "body");
      TurnState t = turn("storage().transaction");
      TurnState.Savepoint save = t.savepoint();
      try {
        return body.run(this);
      } catch (Throwable e) {
        // The turn may have ended meanwhile only if the body misused threads; roll back anyway.
        t.rollbackTo(save);
        throw e;
      }
    }

    @Override
    public Map<String, byte[]> list(ListOptions options) {
      Objects.requireNonNull(options, "options");
      TurnState t = turn("storage().list");
      return new Lister(cell, t, options).run();
    }

    @Override
    public String toString() {
      return "Storage[" + cell.key.namespace() + "/" + cell.id + "]";
    }
  }

  private void checkEntry(String key, byte[] value) {
    checkKey(key);
    Objects.requireNonNull(value, "value");
    int max = cell.engine.maxValueBytes;
    if (value.length > max) {
      throw new IllegalArgumentException(
          "Storage value for key \""
              + abbreviate(key)
              + "\" is "
              + value.length
              + " bytes, over the limit of "
              + max
              + " bytes (maxStorageValueBytes)");
    }
  }

  private void checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("Storage key must not be empty");
    }
    int max = cell.engine.maxKeyBytes;
    // UTF-8 takes at most 3 bytes per char (surrogate pairs take 4 for 2 chars).
    if (key.length() * 3 > max) {
      int n = key.getBytes(StandardCharsets.UTF_8).length;
      if (n > max) {
        throw new IllegalArgumentException(
            "Storage key \""
                + abbreviate(key)
                + "\" is "
                + n
                + " UTF-8 bytes, over the limit of "
                + max
                + " bytes (maxStorageKeyBytes)");
      }
    }
  }

  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "...";
  }
}
