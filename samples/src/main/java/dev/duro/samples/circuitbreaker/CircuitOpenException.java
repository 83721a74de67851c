package dev.duro.samples.circuitbreaker;

/** Thrown by {@link CircuitBreakers#call} when the upstream's breaker refuses the call. */
public final class CircuitOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String upstream;
  private final transient Permit permit;

  /** An exception for a call to {@code upstream} refused with {@code permit}. */
  public CircuitOpenException(String upstream, Permit permit) {
    super(
        "circuit for "
            + upstream
            + " is "
            + permit.state()
            + "; retry after "
            + permit.retryAfterMillis()
            + " ms");
    this.upstream = upstream;
    this.permit = permit;
  }

  /** The upstream whose breaker refused the call. */
  public String upstream() {
    return upstream;
  }

  /** The breaker's answer. */
  public Permit permit() {
    return permit;
  }
}
