package dev.duro.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ListOptions;
import dev.duro.ObjectId;
import dev.duro.RemoteFailureException;
import dev.duro.Storage;
import dev.duro.binding.NamespaceKey;
import dev.duro.runtime.internal.storage.UnsignedBytes;
import dev.duro.runtime.spi.StorageEngine;
import dev.duro.runtime.testing.ScriptedBinding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ctx.storage()}: batch operations, list, deleteAll, transactions and limits. */
class StorageApiTest {
  private static final String NS = "S";

  @TempDir Path dir;
  private final ScriptedBinding binding = new ScriptedBinding(NS);
  private final List<ObjectRuntime> runtimes = new ArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(ObjectRuntime::close);
  }

  private ObjectRuntime open(String engine) {
    return open(engine, b -> {});
  }

  private ObjectRuntime open(String engine, Consumer<ObjectRuntime.Builder> config) {
    ObjectRuntime.Builder b = ObjectRuntime.builder().bindings(List.of(binding));
    if (engine.equals("xodus")) {
      b.dataDirectory(dir.resolve("data"));
    } else {
      b.storage(StorageEngine.inMemory());
    }
    config.accept(b);
    ObjectRuntime r = b.build();
    runtimes.add(r);
    return r;
  }

  private static ObjectId id(String name) {
    return NamespaceKey.of(NS).idFromName(name);
  }

  /** Runs {@code body} as one turn of object "o" and waits for its durable reply. */
  private void turn(ObjectRuntime r, Consumer<Storage> body) {
    binding.on(
        "run",
        (ctx, req) -> {
          body.accept(ctx.storage());
          return new byte[0];
        });
    r.invoker().callBlocking(NS, id("o"), "run", new byte[0]);
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static Map<String, String> strings(Map<String, byte[]> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, new String(v, UTF_8)));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void batchGetPutDelete(String engine) {
    ObjectRuntime r = open(engine);
    turn(r, s -> s.put(Map.of("a", b("1"), "b", b("2"), "c", b("3"))));
    AtomicReference<Map<String, byte[]>> got = new AtomicReference<>();
    AtomicReference<Integer> deleted = new AtomicReference<>();
    turn(
        r,
        s -> {
          got.set(s.get(List.of("c", "missing", "a")));
          deleted.set(s.delete(List.of("a", "missing", "b")));
        });
    assertEquals(
        List.of("c", "a"), new ArrayList<>(got.get().keySet()), "keys order, absent left out");
    assertEquals(Map.of("c", "3", "a", "1"), strings(got.get()));
    assertEquals(2, deleted.get());
    turn(r, s -> got.set(s.list()));
    assertEquals(Map.of("c", "3"), strings(got.get()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void batchPutWithOneInvalidValueWritesNothing(String engine) {
    ObjectRuntime r = open(engine, b -> b.maxStorageValueBytes(4));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ok", b("1234"));
    entries.put("big", b("12345"));
    binding.on(
        "run",
        (ctx, req) -> {
          try {
            ctx.storage().put(entries);
          } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("limit of 4 bytes (maxStorageValueBytes)"));
          }
          return ctx.storage().get("ok") == null ? b("none") : b("some");
        });
    assertEquals(
        "none", new String(r.invoker().callBlocking(NS, id("o"), "run", new byte[0]), UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void configuredKeyLimitIsEnforcedWithAClearError(String engine) {
    ObjectRuntime r = open(engine, b -> b.maxStorageKeyBytes(3));
    binding.on(
        "run",
        (ctx, req) -> {
          ctx.storage().put("abc", b("v"));
          ctx.storage().put("abcd", b("v"));
          return new byte[0];
        });
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () -> r.invoker().callBlocking(NS, id("o"), "run", new byte[0]));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
    assertTrue(
        e.remoteMessage().contains("4 UTF-8 bytes, over the limit of 3 bytes"), e.remoteMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void listOrdersKeysByUnsignedUtf8AndHonoursEveryOption(String engine) {
    ObjectRuntime r = open(engine);
    // U+1F600 is after U+FFFD in UTF-8 (code point) order, before it in String.compareTo order.
    List<String> keys = List.of("a", "ab", "b", "\uFFFD", "\uD83D\uDE00", "é", "a\u0000");
    turn(r, s -> keys.forEach(k -> s.put(k, b(k))));
    AtomicReference<Map<String, byte[]>> got = new AtomicReference<>();
    turn(r, s -> got.set(s.list()));
    assertEquals(
        List.of("a", "a\u0000", "ab", "b", "é", "\uFFFD", "\uD83D\uDE00"),
        new ArrayList<>(got.get().keySet()));
    turn(r, s -> got.set(s.list(ListOptions.all().prefix("a"))));
    assertEquals(List.of("a", "a\u0000", "ab"), new ArrayList<>(got.get().keySet()));
    turn(r, s -> got.set(s.list(ListOptions.all().startAfter("a").end("é"))));
    assertEquals(List.of("a\u0000", "ab", "b"), new ArrayList<>(got.get().keySet()));
    turn(r, s -> got.set(s.list(ListOptions.all().start("ab").reverse().limit(3))));
    assertEquals(List.of("\uD83D\uDE00", "\uFFFD", "é"), new ArrayList<>(got.get().keySet()));
    turn(r, s -> got.set(s.list(ListOptions.all().end("b").reverse().limit(2))));
    assertEquals(List.of("ab", "a\u0000"), new ArrayList<>(got.get().keySet()));
    assertArrayEquals(b("ab"), got.get().get("ab"));
    assertThrows(
        IllegalArgumentException.class, () -> ListOptions.all().start("a").startAfter("b"));
    assertThrows(IllegalArgumentException.class, () -> ListOptions.all().limit(0));
  }

  /**
   * Many pipelined turns (so that list merges committed, pending and the turn's own writes) each
   * write and delete random keys and list with random options; every result must equal a model.
   */
  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void listMatchesAModelUnderPipelinedWrites(String engine) throws Exception {
    ObjectRuntime r = open(engine);
    List<String> alphabet =
        List.of("a", "ab", "abc", "b", "ba", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00x", "é", "z");
    List<String> prefixes = List.of("", "a", "\uD83D\uDE00", "z", "q");
    Random random = new Random(42);
    TreeMap<byte[], String> model = new TreeMap<>(UnsignedBytes.ORDER);
    Map<Integer, Consumer<Storage>> rounds = new ConcurrentHashMap<>();
    Map<Integer, List<String>> results = new ConcurrentHashMap<>();
    List<List<String>> expected = new ArrayList<>();
    binding.on(
        "round",
        (ctx, req) -> {
          rounds.get(Integer.parseInt(new String(req, UTF_8))).accept(ctx.storage());
          return new byte[0];
        });
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    int n = 300;
    for (int round = 0; round < n; round++) {
      List<Object[]> ops = new ArrayList<>();
      boolean clear = random.nextInt(25) == 0;
      if (clear) {
        model.clear();
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        String k = alphabet.get(random.nextInt(alphabet.size()));
        if (random.nextBoolean()) {
          String v = k + "@" + round;
          ops.add(new Object[] {k, v});
          model.put(b(k), v);
        } else {
          ops.add(new Object[] {k, null});
          model.remove(b(k));
        }
      }
      ListOptions o = ListOptions.all().prefix(prefixes.get(random.nextInt(prefixes.size())));
      String bound = alphabet.get(random.nextInt(alphabet.size()));
      switch (random.nextInt(4)) {
        case 0 -> o = o.start(bound);
        case 1 -> o = o.startAfter(bound);
        default -> {}
      }
      if (random.nextInt(3) == 0) {
        o = o.end(alphabet.get(random.nextInt(alphabet.size())));
      }
      if (random.nextBoolean()) {
        o = o.limit(1 + random.nextInt(4));
      }
      if (random.nextBoolean()) {
        o = o.reverse();
      }
      expected.add(expect(model, o));
      ListOptions options = o;
      int id = round;
      rounds.put(
          round,
          s -> {
            if (clear) {
              s.deleteAll();
            }
            for (Object[] op : ops) {
              if (op[1] == null) {
                s.delete((String) op[0]);
              } else {
                s.put((String) op[0], b((String) op[1]));
              }
            }
            List<String> listed = new ArrayList<>();
            s.list(options).forEach((k, v) -> listed.add(k + "=" + new String(v, UTF_8)));
            results.put(id, listed);
          });
      replies.add(r.invoker().call(NS, id("o"), "round", b(Integer.toString(round))));
    }
    for (CompletableFuture<byte[]> f : replies) {
      f.get(30, TimeUnit.SECONDS);
    }
    for (int round = 0; round < n; round++) {
      assertEquals(expected.get(round), results.get(round), "round " + round);
    }
  }

  private static List<String> expect(TreeMap<byte[], String> model, ListOptions o) {
    byte[] prefix = b(o.prefix());
    List<String> out = new ArrayList<>();
    Iterator<Map.Entry<byte[], String>> it =
        (o.isReverse() ? model.descendingMap() : model).entrySet().iterator();
    while (it.hasNext() && out.size() < o.limit()) {
      Map.Entry<byte[], String> e = it.next();
      byte[] k = e.getKey();
      if (!UnsignedBytes.startsWith(k, prefix)) {
        continue;
      }
      if (o.startKey() != null) {
        int c = UnsignedBytes.compare(k, b(o.startKey()));
        if (c < 0 || (c == 0 && o.isStartExclusive())) {
          continue;
        }
      }
      if (o.endKey() != null && UnsignedBytes.compare(k, b(o.endKey())) >= 0) {
        continue;
      }
      out.add(new String(k, UTF_8) + "=" + e.getValue());
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void deleteAllHidesAndDeletesEverythingButLaterPutsAndFields(String engine) {
    ObjectRuntime r = open(engine);
    turn(r, s -> s.put(Map.of("a", b("1"), "b", b("2"))));
    AtomicReference<Map<String, byte[]>> got = new AtomicReference<>();
    AtomicReference<byte[]> a = new AtomicReference<>();
    turn(
        r,
        s -> {
          s.deleteAll();
          a.set(s.get("a"));
          s.put("c", b("3"));
          got.set(s.list());
        });
    assertNull(a.get());
    assertEquals(Map.of("c", "3"), strings(got.get()));
    turn(r, s -> got.set(s.list()));
    assertEquals(Map.of("c", "3"), strings(got.get()), "the deletes were committed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void aThrowingTransactionRollsBackOnlyItsOwnWrites(String engine) {
    ObjectRuntime r = open(engine);
    turn(r, s -> s.put("kept", b("0")));
    AtomicReference<String> seen = new AtomicReference<>();
    turn(
        r,
        s -> {
          s.put("before", b("1"));
          try {
            s.transaction(
                t -> {
                  t.put("inside", b("2"));
                  t.delete("kept");
                  t.transaction(
                      inner -> {
                        inner.put("nested", b("3"));
                        return null;
                      });
                  throw new java.io.IOException("abort");
                });
          } catch (java.io.IOException expectedFailure) {
            seen.set(expectedFailure.getMessage());
          }
          String v =
              s.transaction(
                  t -> {
                    t.put("after", b("4"));
                    return "ok";
                  });
          assertEquals("ok", v);
        });
    assertEquals("abort", seen.get());
    AtomicReference<Map<String, byte[]>> got = new AtomicReference<>();
    turn(r, s -> got.set(s.list()));
    assertEquals(Map.of("after", "4", "before", "1", "kept", "0"), strings(got.get()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void deleteAllKeepsTheAlarmUnlessAsked(String engine) {
    ObjectRuntime r = open(engine);
    AtomicReference<Object> alarm = new AtomicReference<>();
    Instant at = Instant.parse("2100-01-01T00:00:00Z");
    binding.on(
        "run",
        (ctx, req) -> {
          switch (new String(req, UTF_8)) {
            case "set" -> ctx.alarm().set(at);
            case "keep" -> ctx.storage().deleteAll();
            case "drop" -> ctx.storage().deleteAll(true);
            default -> alarm.set(ctx.alarm().get());
          }
          return new byte[0];
        });
    for (String step : List.of("set", "keep", "get")) {
      r.invoker().callBlocking(NS, id("o"), "run", b(step));
    }
    assertEquals(Optional.of(at), alarm.get());
    for (String step : List.of("drop", "get")) {
      r.invoker().callBlocking(NS, id("o"), "run", b(step));
    }
    assertEquals(Optional.empty(), alarm.get());
  }

  @Test
  void aHandWrittenStorageRejectsWhatItCannotHonour() {
    Storage fake =
        new Storage() {
          @Override
          public byte[] get(String key) {
            return key.equals("a") ? b("1") : null;
          }

          @Override
          public void put(String key, byte[] value) {}

          @Override
          public boolean delete(String key) {
            return false;
          }
        };
    assertThrows(UnsupportedOperationException.class, fake::list);
    assertThrows(UnsupportedOperationException.class, fake::deleteAll);
    assertEquals(Map.of("a", "1"), strings(fake.get(List.of("a", "b"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void typedValuesRoundTripThroughCommitsAndRestarts(String engine) {
    ObjectRuntime r = open(engine);
    java.time.Instant when = java.time.Instant.parse("2026-11-23T08:00:00.5Z");
    turn(
        r,
        s -> {
          s.put("count", 41L);
          s.put("name", "ann");
          s.put("when", when);
          s.put("raw", b("bytes")); // static type byte[]: the raw overload
        });
    ObjectRuntime again = r;
    if (engine.equals("xodus")) {
      r.close();
      again = open(engine);
    }
    AtomicReference<Object[]> got = new AtomicReference<>();
    turn(
        again,
        s -> {
          s.put("count", s.get("count", Long.class) + 1);
          got.set(
              new Object[] {
                s.get("count", Long.class),
                s.get("name", String.class),
                s.get("when", java.time.Instant.class),
                s.get("missing", Long.class),
                new String(s.get("raw"), UTF_8),
                s.list(dev.duro.ListOptions.all().prefix("n"), String.class),
                s.get(List.of("name", "nope"), String.class)
              });
        });
    Object[] v = got.get();
    assertEquals(42L, v[0]);
    assertEquals("ann", v[1]);
    assertEquals(when, v[2]);
    assertEquals(null, v[3]);
    assertEquals("bytes", v[4]);
    assertEquals(Map.of("name", "ann"), v[5]);
    assertEquals(Map.of("name", "ann"), v[6]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "xodus"})
  void typedValueErrorsNameTheProblemAndWriteNothing(String engine) {
    ObjectRuntime r = open(engine, b -> b.maxStorageValueBytes(8));
    turn(r, s -> s.put("n", "text"));
    binding.on(
        "run",
        (ctx, req) -> {
          ctx.storage().put("other", 1L);
          ctx.storage().put("t", new Object()); // no codec: the turn fails
          return new byte[0];
        });
    java.util.concurrent.CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.CompletionException.class,
            () -> r.invoker().call(NS, id("o"), "run", new byte[0]).join());
    assertTrue(
        e.getCause().getMessage().contains("No storage codec for java.lang.Object"),
        e.getCause().getMessage());
    AtomicReference<String> seen = new AtomicReference<>();
    turn(
        r,
        s -> {
          seen.set(String.valueOf(s.get("other", Long.class)));
          try {
            s.get("n", Long.class); // a string read as a long: wrong wire type
            seen.set(seen.get() + " decoded");
          } catch (dev.duro.codec.CodecException expected) {
            seen.set(seen.get() + " " + expected.getMessage());
          }
          try {
            s.put("big", "more than eight bytes");
          } catch (IllegalArgumentException expected) {
            seen.set(seen.get() + " | too big");
          }
        });
    assertTrue(
        seen.get().startsWith("null Storage entry \"n\" is not a java.lang.Long"), seen.get());
    assertTrue(seen.get().endsWith("| too big"), seen.get());
  }
}
