package dev.duro;

import java.util.Objects;

/**
 * Which entries {@link Storage#list(ListOptions)} returns. Immutable; each method returns a changed
 * copy:
 *
 * <pre>{@code
 * storage.list(ListOptions.all().prefix("user:").startAfter(lastSeen).limit(100));
 * storage.list(ListOptions.all().reverse().limit(10));   // the 10 greatest keys
 * }</pre>
 *
 * <p>Keys compare as the unsigned bytes of their UTF-8 form. All conditions combine: a key is
 * listed if it starts with {@link #prefix}, is {@code >= start} (or {@code > startAfter}) and
 * {@code < end}. {@link #limit} counts the entries returned, taken from the low end, or the high
 * end if {@link #reverse}.
 */
public final class ListOptions {
  private static final ListOptions ALL =
      new ListOptions("", null, false, null, Integer.MAX_VALUE, false);

  private final String prefix;
  private final String start;
  private final boolean startExclusive;
  private final String end;
  private final int limit;
  private final boolean reverse;

  private ListOptions(
      String prefix, String start, boolean startExclusive, String end, int limit, boolean reverse) {
    this.prefix = prefix;
    this.start = start;
    this.startExclusive = startExclusive;
    this.end = end;
    this.limit = limit;
    this.reverse = reverse;
  }

  /** Every entry, ascending, no limit. */
  public static ListOptions all() {
    return ALL;
  }

  /** Only keys that start with {@code prefix} ({@code ""}: every key). */
  public ListOptions prefix(String prefix) {
    return new ListOptions(
        Objects.requireNonNull(prefix, "prefix"), start, startExclusive, end, limit, reverse);
  }

  /**
   * Only keys {@code >= start}.
   *
   * @throws IllegalArgumentException if {@link #startAfter} was set
   */
  public ListOptions start(String start) {
    Objects.requireNonNull(start, "start");
    if (this.start != null && startExclusive) {
      throw new IllegalArgumentException("ListOptions: start and startAfter are exclusive");
    }
    return new ListOptions(prefix, start, false, end, limit, reverse);
  }

  /**
   * Only keys {@code > startAfter}: for paging, pass the last key of the previous page.
   *
   * @throws IllegalArgumentException if {@link #start} was set
   */
  public ListOptions startAfter(String startAfter) {
    Objects.requireNonNull(startAfter, "startAfter");
    if (this.start != null && !startExclusive) {
      throw new IllegalArgumentException("ListOptions: start and startAfter are exclusive");
    }
    return new ListOptions(prefix, startAfter, true, end, limit, reverse);
  }

  /** Only keys {@code < end}. */
  public ListOptions end(String end) {
    return new ListOptions(
        prefix, start, startExclusive, Objects.requireNonNull(end, "end"), limit, reverse);
  }

  /**
   * At most {@code limit} entries.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public ListOptions limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("ListOptions: limit must be positive, got " + limit);
    }
    return new ListOptions(prefix, start, startExclusive, end, limit, reverse);
  }

  /** Descending key order; {@link #limit} then takes the greatest keys. */
  public ListOptions reverse() {
    return new ListOptions(prefix, start, startExclusive, end, limit, true);
  }

  /** The prefix every listed key has; {@code ""} if any. */
  public String prefix() {
    return prefix;
  }

  /** The lower bound, or {@code null}; exclusive if {@link #isStartExclusive()}. */
  public String startKey() {
    return start;
  }

  /** Whether {@link #startKey()} was given by {@link #startAfter}. */
  public boolean isStartExclusive() {
    return startExclusive;
  }

  /** The exclusive upper bound, or {@code null}. */
  public String endKey() {
    return end;
  }

  /** The most entries to return; {@link Integer#MAX_VALUE} if unlimited. */
  public int limit() {
    return limit;
  }

  /** Whether entries come in descending order. */
  public boolean isReverse() {
    return reverse;
  }

  @Override
  public String toString() {
    return "ListOptions[prefix="
        + prefix
        + (start == null ? "" : (startExclusive ? ", startAfter=" : ", start=") + start)
        + (end == null ? "" : ", end=" + end)
        + (limit == Integer.MAX_VALUE ? "" : ", limit=" + limit)
        + (reverse ? ", reverse" : "")
        + "]";
  }
}
