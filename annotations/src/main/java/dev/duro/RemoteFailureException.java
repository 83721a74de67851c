package dev.duro;

/**
 * The object's method (or its activation) threw. Nothing of the turn was committed and its {@link
 * Persist} fields were restored. Carries the remote exception's class name and message; the message
 * of this exception is {@code "<remoteType>: <remoteMessage>"}.
 */
public class RemoteFailureException extends DuroException {
  private static final long serialVersionUID = 1L;

  private final String remoteType;
  private final String remoteMessage;

  public RemoteFailureException(String remoteType, String remoteMessage) {
    this(remoteType, remoteMessage, null);
  }

  public RemoteFailureException(String remoteType, String remoteMessage, Throwable cause) {
    super(remoteMessage == null ? remoteType : remoteType + ": " + remoteMessage, cause);
    this.remoteType = remoteType;
    this.remoteMessage = remoteMessage;
  }

  /** The fully qualified class name of the exception the object threw. */
  public String remoteType() {
    return remoteType;
  }

  /** Its message, or {@code null} if it had none. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
