package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.TransportException;
import dev.duro.UnknownMethodException;
import dev.duro.codec.CodecException;
import dev.duro.codec.ProtoWriter;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import dev.duro.testkit.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every feature of the kit, on objects compiled by the real processor. */
@DuroTest
class TestKitFeaturesTest {
  /** Injected by {@code @DuroTest}: the same kit as the test method's parameter. */
  DuroTestKit kit;

  private CounterNamespace counters() {
    return kit.namespace(CounterNamespace::of);
  }

  private BasketNamespace baskets() {
    return kit.namespace(BasketNamespace::of);
  }

  @Test
  void fieldAndParameterInjectionShareOneKit(DuroTestKit parameter) {
    assertSame(kit, parameter);
  }

  // ---- Faithfulness: calls are encoded and decoded as in production.

  @Test
  void anUnencodableArgumentFailsAsInProduction() {
    BasketStub b = baskets().get("b");
    // A null list element has no protobuf encoding: a kit handing objects over without encoding
    // would accept it, and the bug would first show in production.
    CodecException e = assertThrows(CodecException.class, () -> b.addAll(Arrays.asList("x", null)));
    assertTrue(e.getMessage().contains("more[1]"), e.getMessage());
    assertEquals(List.of(), b.items(), "nothing reached the object");
  }

  @Test
  void repliesAreDecodedCopiesNotTheObjectsState() {
    BasketStub b = baskets().get("b");
    List<String> reply = new ArrayList<>(b.addAll(List.of("apple")));
    List<String> raw = b.addAll(List.of("pear"));
    assertEquals(List.of("apple", "pear"), raw);
    try {
      raw.add("smuggled");
    } catch (UnsupportedOperationException immutable) {
      // Either way the object's own list must be unaffected.
    }
    assertEquals(List.of("apple"), reply);
    assertEquals(List.of("apple", "pear"), b.items());
  }

  // ---- runInObject / callInObject

  @Test
  void runInObjectChangesStateInACommittedTurn() {
    CounterStub c = counters().get("a");
    kit.runInObject(c, Counter.class, (counter, ctx) -> counter.count = 41);
    assertEquals(42, c.increment(1));
    kit.evictAll();
    assertEquals(
        42L, (long) kit.callInObject(c.id(), Counter.class, (counter, ctx) -> counter.count));
    assertEquals(42, kit.storage(c).fields(Counter.class).count, "the change was committed");
  }

  @Test
  void runInObjectSeesTheContextAndCanSetAlarms() {
    CounterStub c = counters().get("a");
    Instant at = kit.now().plusSeconds(10);
    String name =
        kit.callInObject(
            c,
            Counter.class,
            (counter, ctx) -> {
              counter.count = 7;
              ctx.alarm().set(at);
              return ctx.id().name().orElseThrow();
            });
    assertEquals("a", name);
    assertEquals(Optional.of(at), kit.pendingAlarm(c));
    kit.advance(Duration.ofSeconds(10));
    assertEquals(0, c.get(), "the alarm set inside runInObject fired");
  }

  @Test
  void aThrowingBodyRollsBackAndRethrowsItsException() {
    CounterStub c = counters().get("a");
    c.increment(3);
    IllegalStateException thrown = new IllegalStateException("boom");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                kit.runInObject(
                    c,
                    Counter.class,
                    (counter, ctx) -> {
                      counter.count = 100;
                      throw thrown;
                    }));
    assertSame(thrown, e);
    assertEquals(3, c.get());
    AssertionError failed =
        assertThrows(
            AssertionError.class,
            () ->
                kit.runInObject(
                    c, Counter.class, (counter, ctx) -> assertEquals(4, counter.count)));
    assertTrue(failed.getMessage().contains("expected: <4>"), failed.getMessage());
    java.io.IOException checked = new java.io.IOException("disk");
    RemoteFailureException wrapped =
        assertThrows(
            RemoteFailureException.class,
            () ->
                kit.runInObject(
                    c,
                    Counter.class,
                    (counter, ctx) -> {
                      throw checked;
                    }));
    assertSame(checked, wrapped.getCause());
  }

  @Test
  void runInObjectChecksTheType() {
    CounterStub c = counters().get("a");
    assertThrows(
        IllegalArgumentException.class, () -> kit.runInObject(c, Basket.class, (b, ctx) -> {}));
    assertThrows(
        IllegalArgumentException.class, () -> kit.runInObject("a", Counter.class, (x, ctx) -> {}));
  }

  // ---- Storage view and listObjects

  @Test
  void storageViewShowsWhatWasCommitted() {
    BasketStub b = baskets().get("b");
    assertTrue(kit.storage(b).isEmpty());
    b.addAll(List.of("apple", "pear"));
    StoredObject s = kit.storage(b);
    assertEquals(Optional.of("pear"), s.getString("last"));
    assertEquals(Set.of("last"), s.entries().keySet());
    assertEquals(Set.of("items"), s.rawFields().keySet());
    assertEquals(List.of("apple", "pear"), s.fields(Basket.class).items);
    assertEquals(Optional.empty(), s.alarm());
    assertEquals(
        0, s.fields(Basket.class).callsSinceActivation, "a detached copy, not the instance");

    CounterStub c = counters().get("a");
    c.increment(2);
    assertEquals(Optional.of(kit.now().plus(Duration.ofMinutes(1))), kit.storage(c).alarm());
    assertThrows(IllegalArgumentException.class, () -> kit.storage(c).fields(Basket.class));
  }

  @Test
  void listObjectsFindsStoredObjectsWithTheirNames() {
    counters().get("a").increment(1);
    counters().get("b").increment(1);
    counters().get("never-written").get();
    ObjectId unique = counters().newUniqueId();
    counters().get(unique).increment(1);
    baskets().get("basket").addAll(List.of("x"));

    assertEquals(Set.of("a", "b", "?"), names(kit.listObjects(CounterNamespace::of)));
    assertTrue(kit.listObjects(CounterNamespace::of).contains(unique));
    assertEquals(Set.of("basket"), names(kit.listObjects(BasketNamespace.NAME)));

    kit.restart();
    assertEquals(Set.of("a", "b", "?"), names(kit.listObjects(CounterNamespace::of)));
    assertEquals(List.of(), kit.listObjects(GreeterNamespace::of));
  }

  @Test
  void listObjectsKeepsTheNameOfAnObjectTheTestNeverCalledAcrossARestart() {
    // Reached by name only inside the runtime (not through the kit's stubs): the kit itself never
    // saw the name; the runtime stores it with the object's first commit.
    kit.runInObject(baskets().idFromName("inner"), Basket.class, (b, ctx) -> b.items.add("x"));
    kit.restart();
    assertEquals(Set.of("inner"), names(kit.listObjects(BasketNamespace.NAME)));
    assertEquals(0, kit.activeObjectCount(), "listing activates nothing");
  }

  private static Set<String> names(List<ObjectId> ids) {
    return ids.stream().map(id -> id.name().orElse("?")).collect(Collectors.toSet());
  }

  // ---- Eviction and restart

  @Test
  void evictDropsOneObjectAndStateReloadsFromStorage() {
    BasketStub b = baskets().get("b");
    BasketStub other = baskets().get("other");
    b.addAll(List.of("x"));
    other.addAll(List.of("y"));
    assertEquals(2, b.callsSinceActivation());
    assertTrue(kit.evict(b));
    assertFalse(kit.evict(b), "already evicted");
    assertEquals(1, b.callsSinceActivation(), "activated afresh");
    assertEquals(List.of("x"), b.items(), "persisted state reloaded");
    assertEquals(2, other.callsSinceActivation(), "the other object stayed in memory");
    assertTrue(kit.evictAll() >= 2);
    assertEquals(0, kit.activeObjectCount());
  }

  @Test
  void restartKeepsStorageAndPendingAlarmsButDropsInstances() {
    CounterStub c = counters().get("a");
    BasketStub b = baskets().get("b");
    c.increment(5);
    b.addAll(List.of("x"));
    b.callsSinceActivation();
    Instant due = kit.now().plus(Duration.ofMinutes(1));

    kit.restart();

    assertEquals(0, kit.activeObjectCount());
    assertEquals(Optional.of(due), kit.pendingAlarm(c), "the alarm was reloaded from storage");
    assertEquals(
        1, b.callsSinceActivation(), "a stub made before the restart reaches a new instance");
    assertEquals(List.of("x"), b.items());
    kit.advance(Duration.ofSeconds(59));
    assertEquals(5, c.get());
    kit.advance(Duration.ofSeconds(1));
    assertEquals(0, c.get(), "the pending alarm fired after the restart");
    assertEquals(Optional.empty(), kit.pendingAlarm(c));
  }

  // ---- Time and alarms

  @Test
  void advanceToAndFireAlarm() {
    CounterStub c = counters().get("a");
    c.increment(5);
    Instant start = kit.now();
    assertTrue(kit.fireAlarm(c));
    assertEquals(start, kit.now(), "fireAlarm does not move the clock");
    assertEquals(0, c.get());
    assertFalse(kit.fireAlarm(c), "the alarm was consumed");

    c.increment(1);
    kit.advanceTo(start.plusSeconds(59));
    assertEquals(1, c.get());
    kit.advanceTo(start.plusSeconds(60));
    assertEquals(0, c.get());
  }

  // ---- Fault injection

  @Test
  void aFailedCommitFailsTheCallAndLosesOnlyItsWrites() {
    CounterStub c = counters().get("a");
    c.increment(1);
    int commits = kit.commitCount();
    kit.failNextCommit();
    assertThrows(TransportException.class, () -> c.increment(5));
    assertEquals(commits, kit.commitCount());
    assertEquals(1, c.get(), "the object reloaded the last committed state");
    assertEquals(3, c.increment(2));
  }

  @Test
  void slowCommitsHoldRepliesUntilTheClockPasses() {
    CounterStub c = counters().get("a");
    kit.slowCommits(Duration.ofSeconds(1));
    CompletableFuture<Long> first = c.async().increment(1);
    CompletableFuture<Long> second = c.async().increment(1);
    assertFalse(first.isDone(), "the reply waits for its commit (output gate)");
    assertFalse(second.isDone());
    assertEquals(1, kit.heldCommits(), "one commit in flight per object; the next waits behind it");
    assertTrue(kit.storage(c).isEmpty(), "nothing durable yet");

    kit.advance(Duration.ofSeconds(1));
    assertEquals(1L, first.join());
    assertFalse(second.isDone(), "its own commit was submitted only now");
    kit.advance(Duration.ofSeconds(1));
    assertEquals(2L, second.join(), "the second turn ran on the pending state");

    kit.slowCommits(Duration.ZERO);
    assertEquals(3, c.increment(1));
  }

  @Test
  void closingWithHeldCommitsAppliesThem() {
    CounterStub c = counters().get("a");
    kit.slowCommits(Duration.ofHours(1));
    CompletableFuture<Long> f = c.async().increment(4);
    kit.restart();
    assertEquals(4L, f.join());
    assertEquals(4, c.get());
  }

  @Test
  void anOverloadedObjectRejectsCallsFromEveryCaller() {
    CounterStub c = counters().get("a");
    c.increment(1);
    kit.overload(c);
    assertThrows(OverloadedException.class, c::get);
    assertEquals(1, counters().get("b").increment(1), "other objects are unaffected");
    RemoteFailureException viaObject =
        assertThrows(
            RemoteFailureException.class,
            () -> kit.namespace(GreeterNamespace::of).get("a").greet("a"));
    assertEquals(OverloadedException.class.getName(), viaObject.remoteType());
    assertEquals(1L, (long) kit.callInObject(c, Counter.class, (counter, ctx) -> counter.count));

    kit.restart();
    assertThrows(OverloadedException.class, c::get, "still overloaded after a restart");
    kit.clearOverload(c);
    assertEquals(1, c.get());
  }

  // ---- Fakes

  /** A hand-written stand-in for Counter, dispatched through Counter's generated binding. */
  static final class FakeCounter extends Counter {
    final List<Long> increments = new ArrayList<>();

    FakeCounter() {
      super(null);
    }

    @Override
    public long increment(long by) {
      increments.add(by);
      return 100;
    }
  }

  @Test
  void aFakeInstanceReplacesADependency() {
    FakeCounter fake = new FakeCounter();
    kit.fake(CounterNamespace::of, fake);
    GreeterStub g = kit.namespace(GreeterNamespace::of).get("g");
    assertEquals("Hello ann #100", g.greet("ann"));
    assertEquals(List.of(1L), fake.increments);
    assertTrue(kit.storage(counters().get("ann")).isEmpty(), "the real Counter never ran");
    assertThrows(
        IllegalArgumentException.class, () -> kit.fake(CounterNamespace::of, new Object()));

    kit.unfake(CounterNamespace::of);
    assertEquals("Hello ann #1", g.greet("ann"));
  }

  @Test
  void aHandlerFakeAnswersAtTheWireLevel() {
    List<String> seen = new ArrayList<>();
    kit.fake(
        CounterNamespace::of,
        (id, method, request) -> {
          seen.add(id.name().orElse("?") + "." + method);
          return new ProtoWriter().writeInt64(1, 7).toByteArray();
        });
    assertEquals("Hello bob #7", kit.namespace(GreeterNamespace::of).get("g").greet("bob"));
    assertEquals(List.of("bob.increment"), seen);
    assertEquals(7, counters().get("x").get());
    assertThrows(
        UnknownMethodException.class,
        () ->
            kit.invoker().callBlocking("Counter", counters().idFromName("x"), "nope", new byte[0]));
  }

  /** A typed fake: the generated CounterApi, served through CounterNamespace.handler. */
  static final class TypedFakeCounter implements CounterApi {
    final List<Long> increments = new ArrayList<>();

    @Override
    public long increment(long by) {
      increments.add(by);
      return 100;
    }

    @Override
    public long get() {
      return 7;
    }

    @Override
    public long failAfter(long by) {
      throw new IllegalStateException("fake " + by);
    }
  }

  @Test
  void aTypedFakeImplementsTheGeneratedApi() {
    TypedFakeCounter fake = new TypedFakeCounter();
    kit.fake(CounterNamespace::of, CounterNamespace.handler(fake));
    assertEquals("Hello ann #100", kit.namespace(GreeterNamespace::of).get("g").greet("ann"));
    assertEquals(List.of(1L), fake.increments, "decoded as the binding would");
    CounterApi counter = counters().get("x"); // code may depend on the interface
    assertEquals(7, counter.get());
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> counter.failAfter(3));
    assertEquals("java.lang.IllegalStateException", e.remoteType());
    assertEquals("fake 3", e.remoteMessage());
    assertTrue(kit.storage(counters().get("ann")).isEmpty(), "the real Counter never ran");

    IllegalArgumentException wrongOverload =
        assertThrows(IllegalArgumentException.class, () -> kit.fake(CounterNamespace::of, fake));
    assertTrue(
        wrongOverload.getMessage().contains("CounterNamespace.handler(impl)")
            || wrongOverload.getMessage().contains("XNamespace.handler(impl)"),
        wrongOverload.getMessage());
  }

  @Test
  void aOneMethodApiIsALambda() {
    kit.fake(GreeterNamespace::of, GreeterNamespace.handler(name -> "hi " + name));
    assertEquals("hi ann", kit.namespace(GreeterNamespace::of).get("g").greet("ann"));
  }

  @Test
  void aTypedFakesDeclaredExceptionIsRethrownTyped() throws Exception {
    kit.fake(
        VaultNamespace::of,
        VaultNamespace.handler(
            new VaultApi() {
              @Override
              public long deposit(long amount) {
                return amount;
              }

              @Override
              public long withdraw(long amount) throws Vault.Insufficient {
                throw new Vault.Insufficient("fake has " + (amount - 1));
              }
            }));
    VaultStub vault = kit.namespace(VaultNamespace::of).get("v");
    assertEquals(5, vault.deposit(5));
    Vault.Insufficient e = assertThrows(Vault.Insufficient.class, () -> vault.withdraw(4));
    assertEquals("fake has 3", e.getMessage());
    assertTrue(e.getCause() instanceof RemoteFailureException, String.valueOf(e.getCause()));

    kit.unfake(VaultNamespace::of); // the real object throws the same way
    vault.deposit(2);
    assertEquals(
        "only 2", assertThrows(Vault.Insufficient.class, () -> vault.withdraw(4)).getMessage());
  }

  @Test
  void eachTestHasItsOwnKit(DuroTestKit other) {
    assertSame(kit, other);
    try (DuroTestKit second = DuroTestKit.create()) {
      assertNotSame(kit, second);
      second.namespace(CounterNamespace::of).get("a").increment(9);
      assertEquals(0, counters().get("a").get());
    }
  }
}
