package dev.duro.processor;

import dev.duro.AlarmInfo;
import dev.duro.Alarms;
import dev.duro.DuroException;
import dev.duro.EventSink;
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
import java.util.concurrent.Flow;

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

    /** The sink of each subscription, in order. */
    final List<RecordingSink> sinks = new ArrayList<>();

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

    /**
     * Each subscription runs the streaming method on the object with a {@link RecordingSink} whose
     * events go to the subscriber as they are sent, regardless of demand (enough for tests that
     * request everything); cancelling runs the object's close actions.
     */
    @Override
    public Flow.Publisher<byte[]> stream(
        String namespace, ObjectId id, String method, byte[] request) {
      byte[] copy = request.clone();
      return subscriber -> {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        sinks.add(sink);
        subscriber.onSubscribe(
            new Flow.Subscription() {
              @Override
              public void request(long n) {}

              @Override
              public void cancel() {
                sink.cancel();
              }
            });
        sink.onEvent = () -> subscriber.onNext(sink.events.get(sink.events.size() - 1));
        sink.onEnd =
            () -> {
              if (sink.completed) {
                subscriber.onComplete();
              } else {
                Throwable f = sink.failure;
                subscriber.onError(
                    new RemoteFailureException(f.getClass().getName(), f.getMessage(), f));
              }
            };
        requests.add(copy.clone());
        try {
          binding.decodeStream(method, copy).invoke(object, sink);
        } catch (DuroException e) {
          subscriber.onError(e);
        } catch (Exception e) {
          subscriber.onError(new RemoteFailureException(e.getClass().getName(), e.getMessage(), e));
        }
      };
    }
  }

  /**
   * The host's side of one stream: records what the object sends, in order, and runs its close
   * actions when {@link #cancel()} is called (as a host does when the subscriber goes).
   */
  static final class RecordingSink implements EventSink<byte[]> {
    final List<byte[]> events = new ArrayList<>();
    final List<Runnable> closeActions = new ArrayList<>();
    final int capacity;
    boolean open = true;
    boolean completed;
    Throwable failure;

    /** Called after each accepted event, for a publisher that forwards events at once. */
    Runnable onEvent = () -> {};

    /** Called when the object completes or fails the stream. */
    Runnable onEnd = () -> {};

    RecordingSink(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public boolean send(byte[] event) {
      if (!open || events.size() >= capacity) {
        return false;
      }
      events.add(event.clone());
      onEvent.run();
      return true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public int backlog() {
      return events.size();
    }

    @Override
    public int capacity() {
      return capacity;
    }

    @Override
    public void complete() {
      if (open) {
        open = false;
        completed = true;
        onEnd.run();
      }
    }

    @Override
    public void fail(Throwable error) {
      if (open) {
        open = false;
        failure = error;
        onEnd.run();
      }
    }

    @Override
    public void onClose(Runnable action) {
      closeActions.add(action);
    }

    /** The subscriber went away: the stream closes and the object's close actions run. */
    void cancel() {
      open = false;
      closeActions.forEach(Runnable::run);
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
