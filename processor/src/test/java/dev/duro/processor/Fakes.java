package dev.duro.processor;

import dev.duro.AlarmInfo;
import dev.duro.Alarms;
import dev.duro.DuroException;
import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.Storage;
import dev.duro.binding.Invoker;
import dev.duro.binding.ObjectBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Minimal hosts for running generated code in tests. */
final class Fakes {
  private Fakes() {}

  /**
   * Delivers calls straight to one object through its binding, as a host would in one turn, and
   * records every request's bytes.
   */
  static final class DirectInvoker implements Invoker {
    private final ObjectBinding<Object> binding;
    private final Object object;
    final List<byte[]> requests = new ArrayList<>();

    @SuppressWarnings("unchecked")
    DirectInvoker(ObjectBinding<?> binding, Object object) {
      this.binding = (ObjectBinding<Object>) binding;
      this.object = object;
    }

    @Override
    public CompletableFuture<byte[]> call(
        String namespace, ObjectId id, String method, byte[] request) {
      if (!namespace.equals(binding.namespace())) {
        return CompletableFuture.failedFuture(new DuroException("wrong namespace " + namespace));
      }
      requests.add(request.clone());
      try {
        return CompletableFuture.completedFuture(binding.decode(method, request).invoke(object));
      } catch (DuroException e) {
        return CompletableFuture.failedFuture(e);
      } catch (Exception e) {
        return CompletableFuture.failedFuture(
            new RemoteFailureException(e.getClass().getName(), e.getMessage(), e));
      }
    }
  }

  /** A context whose alarm and storage live in memory. */
  static final class Context implements ObjectContext {
    final Instant now = Instant.parse("2030-01-01T00:00:00Z");
    Instant alarm;
    final Map<String, byte[]> storage = new HashMap<>();

    @Override
    public ObjectId id() {
      return ObjectId.fromBytes(new byte[ObjectId.LENGTH]);
    }

    @Override
    public String namespace() {
      return "Counter";
    }

    @Override
    public Alarms alarm() {
      return new Alarms() {
        @Override
        public void set(Instant time) {
          alarm = time;
        }

        @Override
        public void setIn(Duration delay) {
          alarm = now.plus(delay);
        }

        @Override
        public Optional<Instant> get() {
          return Optional.ofNullable(alarm);
        }

        @Override
        public void delete() {
          alarm = null;
        }
      };
    }

    @Override
    public Storage storage() {
      return new Storage() {
        @Override
        public byte[] get(String key) {
          return storage.get(key);
        }

        @Override
        public void put(String key, byte[] value) {
          storage.put(key, value.clone());
        }

        @Override
        public boolean delete(String key) {
          return storage.remove(key) != null;
        }
      };
    }

    @Override
    public Instant now() {
      return now;
    }
  }

  static AlarmInfo alarmInfo() {
    return new AlarmInfo(Instant.parse("2030-01-01T00:01:00Z"), 0);
  }
}
