package dev.duro.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The lossy id caches must never change an answer: every id equals the one computed from the
 * documented derivation, whatever was cached, evicted or raced before.
 */
class NamespaceKeyTest {
  /** More names than cache slots, so slots are shared and entries replaced. */
  private static final int NAMES = 3 * NamespaceKey.CACHE_SLOTS;

  /** The id of {@code name} computed from the class javadoc's definition, with no cache. */
  private static byte[] expected(String namespace, String name) throws Exception {
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest(("duro-namespace:" + namespace).getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] first = Arrays.copyOf(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)), 16);
    byte[] last = Arrays.copyOf(mac.doFinal(first), 16);
    byte[] id = new byte[32];
    System.arraycopy(first, 0, id, 0, 16);
    System.arraycopy(last, 0, id, 16, 16);
    return id;
  }

  @Test
  void idsFromNamesMatchTheDerivationAcrossCacheReplacements() throws Exception {
    NamespaceKey key = NamespaceKey.of("cache.Test");
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < NAMES; i++) {
        String name = "n" + i;
        ObjectId id = key.idFromName(name);
        assertArrayEquals(expected("cache.Test", name), id.toBytes(), name);
        assertEquals(name, id.name().orElseThrow());
        assertTrue(key.owns(id), name);
      }
    }
  }

  @Test
  void aThousandNamesAndTheirIdsStayCachedWithoutRecomputation() {
    NamespaceKey key = NamespaceKey.of("cache.Hits");
    ObjectId[] ids = new ObjectId[1_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = key.idFromName("o" + i);
    }
    ObjectId[] parsed = new ObjectId[ids.length];
    for (int i = 0; i < ids.length; i++) {
      parsed[i] = ObjectId.parseHex(ids[i].toString());
    }
    long before = key.macCount();
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < ids.length; i++) {
        assertEquals(ids[i], key.idFromName("o" + i));
        assertTrue(key.owns(parsed[i]));
      }
    }
    assertEquals(before, key.macCount(), "every name and id was answered from the caches");
  }

  @Test
  void ownsStillRejectsForeignAndAlteredIdsWhoseNeighboursAreCached() {
    NamespaceKey mine = NamespaceKey.of("cache.Mine");
    NamespaceKey other = NamespaceKey.of("cache.Other");
    for (int i = 0; i < 100; i++) {
      ObjectId own = mine.idFromName("x" + i);
      ObjectId foreign = other.idFromName("x" + i);
      assertTrue(mine.owns(own));
      assertTrue(other.owns(foreign));
      assertFalse(mine.owns(foreign), "foreign id accepted after its own namespace cached it");
      assertFalse(other.owns(own));
      byte[] altered = own.toBytes();
      altered[31] ^= 1;
      assertFalse(mine.owns(ObjectId.fromBytes(altered)), "altered id accepted");
      // The same id parsed from hex (a different instance, no name) is recognised.
      assertTrue(mine.owns(ObjectId.parseHex(own.toString())));
    }
  }

  @Test
  void manyThreadsSeeOnlyCorrectIds() throws Exception {
    NamespaceKey key = NamespaceKey.of("cache.Threads");
    NamespaceKey other = NamespaceKey.of("cache.ThreadsOther");
    int names = 2 * NamespaceKey.CACHE_SLOTS;
    byte[][] reference = new byte[names][];
    ObjectId[] foreign = new ObjectId[names];
    for (int i = 0; i < names; i++) {
      reference[i] = expected("cache.Threads", "t" + i);
      foreign[i] = other.idFromName("t" + i);
    }
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  int checked = 0;
                  for (int n = 0; n < 50_000; n++) {
                    int i = random.nextInt(names);
                    ObjectId id = key.idFromName("t" + i);
                    if (!Arrays.equals(reference[i], id.toBytes())
                        || !id.name().orElseThrow().equals("t" + i)
                        || !key.owns(id)
                        || key.owns(foreign[i])) {
                      throw new AssertionError("wrong answer for t" + i + ": " + id);
                    }
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(threads * 50_000, total);
    } finally {
      pool.shutdownNow();
    }
  }
}
