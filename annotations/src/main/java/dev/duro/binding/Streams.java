package dev.duro.binding;

import dev.duro.DuroException;
import dev.duro.EventSink;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Helpers for streaming {@code @Rpc} methods, used by generated stubs and bindings. Stateless and
 * thread-safe.
 */
public final class Streams {
  private Streams() {}

  /**
   * A publisher of {@code source}'s messages decoded by {@code decode}. Each subscription
   * subscribes to {@code source} once; demand and cancellation pass through. A message that fails
   * to decode cancels the source and fails the subscriber with the decoder's exception (as a {@link
   * DuroException}).
   */
  public static <T> Flow.Publisher<T> map(
      Flow.Publisher<byte[]> source, Function<byte[], ? extends T> decode) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(decode, "decode");
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      source.subscribe(new Decoding<>(subscriber, decode));
    };
  }

  /** A publisher that fails every subscriber at once with {@code error}. */
  public static <T> Flow.Publisher<T> failed(DuroException error) {
    Objects.requireNonNull(error, "error");
    return subscriber -> {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(error);
    };
  }

  /**
   * A typed view of {@code raw} that encodes each event with {@code encode} (into a reply message,
   * field 1 = the event).
   */
  public static <E> EventSink<E> encoding(
      EventSink<byte[]> raw, Function<? super E, byte[]> encode) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(encode, "encode");
    return new EventSink<E>() {
      @Override
      public boolean send(E event) {
        Objects.requireNonNull(event, "event");
        return raw.send(encode.apply(event));
      }

      @Override
      public boolean isOpen() {
        return raw.isOpen();
      }

      @Override
      public int backlog() {
        return raw.backlog();
      }

      @Override
      public int capacity() {
        return raw.capacity();
      }

      @Override
      public void complete() {
        raw.complete();
      }

      @Override
      public void fail(Throwable error) {
        raw.fail(error);
      }

      @Override
      public void onClose(Runnable action) {
        raw.onClose(action);
      }

      @Override
      public String toString() {
        return raw.toString();
      }
    };
  }

  /** Decodes each message; after a decoding failure, ignores whatever the source still signals. */
  private static final class Decoding<T> implements Flow.Subscriber<byte[]> {
    private final Flow.Subscriber<? super T> downstream;
    private final Function<byte[], ? extends T> decode;
    private Flow.Subscription upstream;
    private boolean done;

    Decoding(Flow.Subscriber<? super T> downstream, Function<byte[], ? extends T> decode) {
      this.downstream = downstream;
      this.decode = decode;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      upstream = subscription;
      downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(byte[] message) {
      if (done) {
        return;
      }
      T value;
      try {
        value = decode.apply(message);
      } catch (RuntimeException e) {
        done = true;
        upstream.cancel();
        downstream.onError(Calls.asDuroException(e));
        return;
      }
      downstream.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
      if (!done) {
        done = true;
        downstream.onError(error);
      }
    }

    @Override
    public void onComplete() {
      if (!done) {
        done = true;
        downstream.onComplete();
      }
    }
  }
}
