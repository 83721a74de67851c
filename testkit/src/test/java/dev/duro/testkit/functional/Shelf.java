package dev.duro.testkit.functional;

import dev.duro.DurableObject;
import dev.duro.ListOptions;
import dev.duro.ObjectContext;
import dev.duro.Rpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores records and enums as typed storage values: {@link Book} and {@link Genre} appear in no
 * signature or field, only in {@code storageTypes}; {@link Loan} is reached through a signature.
 */
@DurableObject(
    value = "Shelf",
    storageTypes = {Shelf.Book.class, Shelf.Genre.class})
public class Shelf {
  /** A book, stored under its key. */
  public record Book(String title, int year, Genre genre) {}

  /** A genre. */
  public enum Genre {
    NOVEL,
    POETRY
  }

  /** A loan, which is also returned by an @Rpc. */
  public record Loan(String who, Instant until) {}

  private final ObjectContext ctx;

  public Shelf(ObjectContext ctx) {
    this.ctx = ctx;
  }

  @Rpc
  public void add(String key, String title, int year, boolean poetry) {
    ctx.storage().put("book/" + key, new Book(title, year, poetry ? Genre.POETRY : Genre.NOVEL));
    ctx.storage().put("genre/" + key, poetry ? Genre.POETRY : Genre.NOVEL);
  }

  @Rpc
  public String describe(String key) {
    Book b = ctx.storage().get("book/" + key, Book.class);
    Genre g = ctx.storage().get("genre/" + key, Genre.class);
    return b == null ? "none" : b.title() + " (" + b.year() + ", " + g + ")";
  }

  @Rpc
  public List<String> titles() {
    List<String> out = new ArrayList<>();
    ctx.storage()
        .list(ListOptions.all().prefix("book/"), Book.class)
        .values()
        .forEach(b -> out.add(b.title()));
    return out;
  }

  @Rpc
  public Loan lend(String key, String who, Instant until) {
    Loan loan = new Loan(who, until);
    ctx.storage().put("loan/" + key, loan);
    return ctx.storage().get("loan/" + key, Loan.class);
  }

  /** Reads a book as the wrong type: the stored bytes are not a Loan's. */
  @Rpc
  public String misread(String key) {
    return String.valueOf(ctx.storage().get("genre/" + key, Loan.class));
  }
}
