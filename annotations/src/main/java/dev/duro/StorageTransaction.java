package dev.duro;

/**
 * The body of a {@link Storage#transaction} call.
 *
 * @param <T> what the body returns
 * @param <E> the checked exception it may throw ({@link RuntimeException} if none)
 */
@FunctionalInterface
public interface StorageTransaction<T, E extends Exception> {
  /**
   * Runs the transaction's reads and writes on {@code storage} (the same storage the transaction
   * was started on).
   */
  T run(Storage storage) throws E;
}
