package dev.duro.runtime.testing;

import dev.duro.ObjectContext;
import dev.duro.ObjectId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Static hooks through which tests reach into test objects. Keys are object names (or ids in hex),
 * so tests using distinct names do not interfere.
 */
public final class TestHooks {
  private static final ConcurrentHashMap<String, AtomicInteger> ACTIVATION_FAILURES =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, ObjectContext> CONTEXTS =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, CountDownLatch> LATCHES =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, CountDownLatch> ENTERED =
      new ConcurrentHashMap<>();

  private TestHooks() {}

  static String keyOf(ObjectId id) {
    return id.name().orElse(id.toString());
  }

  /** Makes the next {@code times} activations of the object named {@code name} throw. */
  public static void failActivations(String name, int times) {
    ACTIVATION_FAILURES.put(name, new AtomicInteger(times));
  }

  static void onActivate(ObjectId id) {
    AtomicInteger left = ACTIVATION_FAILURES.get(keyOf(id));
    if (left != null && left.getAndDecrement() > 0) {
      throw new IllegalStateException("activation failed on purpose");
    }
  }

  static void leak(ObjectContext context) {
    CONTEXTS.put(keyOf(context.id()), context);
  }

  /** The context leaked by {@code TestCounter.leakContext()} of the object named {@code name}. */
  public static @Nullable ObjectContext leakedContext(String name) {
    return CONTEXTS.get(name);
  }

  /** A latch that {@code TestCounter.await(name)} waits on; count 1. */
  public static CountDownLatch latch(String name) {
    return LATCHES.computeIfAbsent(name, n -> new CountDownLatch(1));
  }

  /** Counted down when a turn starts waiting in {@code TestCounter.await(name)}. */
  public static CountDownLatch entered(String name) {
    return ENTERED.computeIfAbsent(name, n -> new CountDownLatch(1));
  }

  static void await(String name) throws InterruptedException {
    entered(name).countDown();
    if (!latch(name).await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("latch " + name + " was never released");
    }
  }
}
