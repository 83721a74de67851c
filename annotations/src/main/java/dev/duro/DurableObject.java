package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a durable object: one single-threaded instance per {@link ObjectId}, hosted by a
 * Duro host, called through a generated {@code XStub} obtained from a generated {@code XNamespace}.
 *
 * <p>The class must be a top-level, non-abstract, non-generic class with either a public or
 * package-private constructor taking one {@link ObjectContext}, or one taking no arguments. The
 * annotation processor rejects anything else at compile time, naming the offending element.
 *
 * <p>The {@linkplain #value() namespace name} is part of the wire contract: it names the gRPC
 * service and keys the object's storage and ids. Renaming it orphans existing objects.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DurableObject {
  /**
   * The namespace name; defaults to the class's simple name. Must match {@code
   * [A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*} so that it is a valid protobuf service name.
   */
  String value() default "";

  /**
   * Records and enums this object stores with {@link Storage}'s typed methods ({@code
   * storage().put(key, value)}, {@code storage().get(key, Type.class)}) without naming them in an
   * {@code @Rpc} signature, a {@link Persist} field or a {@link DurableMap}: the processor
   * generates their codecs too. Types it already sees need not be listed.
   */
  Class<?>[] storageTypes() default {};
}
