package dev.duro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.binding.Invoker;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NamespaceTest {
  private static final Invoker NO_CALLS =
      (ns, id, method, request) -> CompletableFuture.failedFuture(new AssertionError("no call"));

  /** A hand-written stand-in for a generated namespace. */
  static final class TestNamespace extends Namespace<ObjectId> {
    TestNamespace(String name) {
      super(name, NO_CALLS);
    }

    @Override
    protected ObjectId newStub(ObjectId id) {
      return id;
    }
  }

  private final TestNamespace counters = new TestNamespace("Counter");
  private final TestNamespace rooms = new TestNamespace("chat.Room");

  @Test
  void idFromNameIsDeterministicPerNamespaceAndRemembersName() {
    ObjectId a = counters.idFromName("global");
    ObjectId b = new TestNamespace("Counter").idFromName("global");
    assertEquals(a, b);
    assertEquals(a.toString(), b.toString());
    assertEquals("global", a.name().orElseThrow());
    assertNotEquals(a, rooms.idFromName("global"));
    assertNotEquals(a, counters.idFromName("global2"));
  }

  @Test
  void idIs32BytesPrintedAs64LowercaseHex() {
    ObjectId id = counters.idFromName("x");
    assertEquals(32, id.toBytes().length);
    assertTrue(id.toString().matches("[0-9a-f]{64}"), id.toString());
  }

  @Test
  void uniqueIdsAreDistinctAndNeverNamed() {
    Set<ObjectId> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ObjectId id = counters.newUniqueId();
      assertTrue(seen.add(id));
      assertTrue(id.name().isEmpty());
      assertEquals(id, counters.idFromString(id.toString()));
    }
    assertFalse(seen.contains(counters.idFromName("a")));
  }

  @Test
  void idFromStringRoundTripsAndDropsName() {
    ObjectId named = counters.idFromName("n");
    ObjectId parsed = counters.idFromString(named.toString());
    assertEquals(named, parsed);
    assertTrue(parsed.name().isEmpty());
    assertEquals(named, counters.idFromString(named.toString().toUpperCase()));
  }

  @Test
  void idFromStringRejectsNonHexWithItsOwnMessage() {
    IllegalArgumentException tooShort =
        assertThrows(IllegalArgumentException.class, () -> counters.idFromString("abc"));
    assertTrue(tooShort.getMessage().startsWith("Invalid object id: must be 64 hex digits"));
    String bad = "g" + counters.idFromName("n").toString().substring(1);
    IllegalArgumentException notHex =
        assertThrows(IllegalArgumentException.class, () -> counters.idFromString(bad));
    assertTrue(notHex.getMessage().startsWith("Invalid object id: must be 64 hex digits"));
    assertTrue(notHex.getMessage().contains("'g' at index 0"), notHex.getMessage());
  }

  @Test
  void idFromStringRejectsForeignNamespaceWithADistinctMessage() {
    String foreign = rooms.idFromName("n").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> counters.idFromString(foreign));
    assertEquals(
        "Object id "
            + foreign
            + " is not valid for namespace Counter: it was made by another"
            + " namespace, or altered",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> counters.get(rooms.idFromName("n")));
  }

  @Test
  void alteredIdIsRejected() {
    char[] hex = counters.idFromName("n").toString().toCharArray();
    hex[3] = hex[3] == '0' ? '1' : '0';
    assertThrows(IllegalArgumentException.class, () -> counters.idFromString(new String(hex)));
  }

  @Test
  void getByNameUsesIdFromName() {
    assertEquals(counters.idFromName("a"), counters.get("a"));
    ObjectId id = counters.newUniqueId();
    assertSame(id, counters.get(id));
  }

  @Test
  void invalidNamespaceNamesAreRejected() {
    for (String bad : new String[] {"", "1abc", "a-b", "a..b", "a.", "has space"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new TestNamespace(bad), bad);
      assertTrue(e.getMessage().contains("Invalid namespace name"), e.getMessage());
    }
    assertEquals("shop.v1.Cart", new TestNamespace("shop.v1.Cart").name());
  }

  @Test
  void equalityIgnoresName() {
    ObjectId named = counters.idFromName("z");
    ObjectId raw = ObjectId.fromBytes(named.toBytes());
    assertEquals(named, raw);
    assertEquals(named.hashCode(), raw.hashCode());
    assertThrows(IllegalArgumentException.class, () -> ObjectId.fromBytes(new byte[31]));
  }
}
