package dev.duro.testkit.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed storage values through the codecs the processor generated for the object's types. */
@DuroTest
class TypedStorageTest {
  @Test
  void recordsAndEnumsListedInStorageTypesRoundTripAcrossRestarts(DuroTestKit kit) {
    ShelfStub shelf = kit.namespace(ShelfNamespace::of).get("home");
    shelf.add("a", "Middlemarch", 1871, false);
    shelf.add("b", "Leaves of Grass", 1855, true);
    kit.restart();
    assertEquals("Middlemarch (1871, NOVEL)", shelf.describe("a"));
    assertEquals("Leaves of Grass (1855, POETRY)", shelf.describe("b"));
    assertEquals("none", shelf.describe("c"));
    assertEquals(List.of("Middlemarch", "Leaves of Grass"), shelf.titles());
    // Stored as a message whose field 1 is the record: field 1 of the book is its title.
    byte[] raw = kit.storage(shelf).get("book/a").orElseThrow();
    assertEquals(0x0a, raw[0], "field 1, length-delimited");
  }

  @Test
  void typesReachedThroughSignaturesNeedNoListing(DuroTestKit kit) {
    ShelfStub shelf = kit.namespace(ShelfNamespace::of).get("home");
    Instant until = Instant.parse("2026-12-24T10:00:00Z");
    assertEquals(new Shelf.Loan("ann", until), shelf.lend("a", "ann", until));
  }

  @Test
  void readingAsTheWrongTypeFailsTheTurnWithTheKey(DuroTestKit kit) {
    ShelfStub shelf = kit.namespace(ShelfNamespace::of).get("home");
    shelf.add("a", "Middlemarch", 1871, false);
    RemoteFailureException e = assertThrows(RemoteFailureException.class, () -> shelf.misread("a"));
    assertTrue(e.getMessage().contains("Storage entry \"genre/a\""), e.getMessage());
  }
}
