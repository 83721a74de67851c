package dev.duro;

/**
 * Base of every error Duro reports to a caller. Stubs throw it (unchecked) from blocking methods
 * and complete async futures with it. Subclasses tell apart what went wrong:
 *
 * <ul>
 *   <li>{@link RemoteFailureException}: the object's method threw; nothing was committed.
 *   <li>{@link InvalidRequestException}: bad id or undecodable arguments; nothing was run.
 *   <li>{@link UnknownMethodException}: no such namespace or method on the host; nothing was run.
 *   <li>{@link OverloadedException}: the object's queue is full; nothing was run; retry later.
 *   <li>{@link DeadlineExceededException}: the deadline passed.
 *   <li>{@link CallCycleException}: the call would deadlock a cycle of objects.
 *   <li>{@link UnauthenticatedException}: the host did not accept the caller's credentials; nothing
 *       was run.
 *   <li>{@link TransportException}: the host could not be reached or failed outside the object.
 * </ul>
 */
public class DuroException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuroException(String message) {
    super(message);
  }

  public DuroException(String message, Throwable cause) {
    super(message, cause);
  }
}
