package dev.duro.processor.internal.model;

import javax.lang.model.type.TypeMirror;

/**
 * A type in an {@code @Rpc} method's {@code throws} clause. The stub declares it too, and rethrows
 * a remote failure of exactly this type (by binary name) as a new instance of it when it can
 * construct one from the stub's package.
 *
 * @param type the type as declared (a class, or a type variable, which is never constructed)
 * @param binaryName the binary name ({@code Class.getName()}), compared with the remote type
 * @param construction how the stub builds an instance
 * @param nameable whether the stub's package can name the type; the stub declares only those
 */
public record ThrownType(
    TypeMirror type, String binaryName, Construction construction, boolean nameable) {
  /** How the stub constructs the exception. */
  public enum Construction {
    /** {@code new X(remoteMessage)}: a public constructor taking one {@code String}. */
    MESSAGE,
    /** {@code new X()}: a public no-argument constructor. */
    NO_ARG,
    /**
     * Not at all (abstract, not accessible from the stub's package, or no such constructor): the
     * stub throws the {@code RemoteFailureException}.
     */
    NONE
  }
}
