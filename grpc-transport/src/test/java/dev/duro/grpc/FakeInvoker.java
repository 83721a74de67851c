package dev.duro.grpc;

import dev.duro.CallCycleException;
import dev.duro.DeadlineExceededException;
import dev.duro.DuroException;
import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.binding.Invoker;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import io.grpc.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the runtime: one counter per (namespace, id), replies completed on another thread
 * as the runtime's committer does.
 *
 * <p>{@code echo} replies with the request; {@code hang} never replies; {@code fail} requests carry
 * field 1 = kind, 2 = message (optional), 3 = remote type; {@code throw} throws from {@code call}
 * itself.
 */
final class FakeInvoker implements Invoker, AutoCloseable {
  final AtomicInteger calls = new AtomicInteger();
  final List<ObjectId> ids = new CopyOnWriteArrayList<>();

  /** Counted down when the gRPC call of a {@code hang} request is cancelled. */
  final CountDownLatch cancelled = new CountDownLatch(1);

  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final ExecutorService completer = Executors.newFixedThreadPool(2);

  @Override
  public CompletableFuture<byte[]> call(
      String namespace, ObjectId id, String method, byte[] request) {
    calls.incrementAndGet();
    ids.add(id);
    AtomicLong counter = counters.computeIfAbsent(namespace + "/" + id, k -> new AtomicLong());
    switch (method) {
      case "increment":
        long by = readLong(request);
        return CompletableFuture.supplyAsync(() -> longReply(counter.addAndGet(by)), completer);
      case "get":
        return CompletableFuture.supplyAsync(() -> longReply(counter.get()), completer);
      case "fail":
        Throwable failure = failure(request);
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        completer.execute(() -> result.completeExceptionally(failure));
        return result;
      case "echo":
        byte[] copy = request.clone();
        return CompletableFuture.supplyAsync(() -> copy, completer);
      case "hang":
        CompletableFuture<byte[]> never = new CompletableFuture<>();
        Context.current().addListener(c -> cancelled.countDown(), Runnable::run);
        return never;
      case "throw":
        throw new IllegalStateException("invoker bug");
      default:
        return CompletableFuture.failedFuture(
            new UnknownMethodException("fake has no method " + method));
    }
  }

  /** The counter of {@code namespace/id}, 0 if never called. */
  long count(String namespace, ObjectId id) {
    AtomicLong c = counters.get(namespace + "/" + id);
    return c == null ? 0 : c.get();
  }

  static byte[] longRequest(long value) {
    return new ProtoWriter().writeInt64(1, value).toByteArray();
  }

  static byte[] longReply(long value) {
    return longRequest(value);
  }

  static long readLong(byte[] message) {
    ProtoReader r = new ProtoReader(message);
    long value = 0;
    for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
      if (tag >>> 3 == 1) {
        value = r.readInt64(tag);
      } else {
        r.skip(tag);
      }
    }
    return value;
  }

  static byte[] failRequest(String kind, String message, String remoteType) {
    ProtoWriter w = new ProtoWriter().writeString(1, kind);
    if (message != null) {
      w.writeString(2, message);
    }
    if (remoteType != null) {
      w.writeString(3, remoteType);
    }
    return w.toByteArray();
  }

  private static Throwable failure(byte[] request) {
    ProtoReader r = new ProtoReader(request);
    String kind = null;
    String message = null;
    String type = null;
    for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
      switch (tag >>> 3) {
        case 1:
          kind = r.readString(tag);
          break;
        case 2:
          message = r.readString(tag);
          break;
        case 3:
          type = r.readString(tag);
          break;
        default:
          r.skip(tag);
      }
    }
    switch (String.valueOf(kind)) {
      case "remote":
        return new RemoteFailureException(type, message, new IllegalStateException(message));
      case "invalid":
        return new InvalidRequestException(message);
      case "codec":
        return new CodecException(message);
      case "unknown":
        return new UnknownMethodException(message);
      case "overloaded":
        return new OverloadedException(message);
      case "deadline":
        return new DeadlineExceededException(message);
      case "cycle":
        return new CallCycleException(message);
      case "transport":
        return new TransportException(message);
      case "runtime":
        return new IllegalStateException(message);
      default:
        return new DuroException(message);
    }
  }

  @Override
  public void close() {
    completer.shutdown();
    try {
      completer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
