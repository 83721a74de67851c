package dev.duro.runtime.internal.activation;

/**
 * The storage engine failed while a turn read from it. Not the object's fault: the caller gets a
 * {@code TransportException}, not a remote failure.
 */
final class StorageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StorageFailure(RuntimeException cause) {
    super("Storage read failed: " + cause, cause);
  }
}
