package dev.duro.samples.featureflags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic bucketing of percentage rollouts.
 *
 * <p>An entity's bucket for a flag is the first four bytes of SHA-256 over the UTF-8 of {@code
 * entityId + flagName}, read as an unsigned big-endian integer, modulo 100: exactly seed 002's
 * {@code hashId}, so a JavaScript worker computing it gets the same buckets. The entity gets the
 * feature when its bucket is below the rollout percentage, so raising the percentage only adds
 * entities, and each flag splits entities independently of the others.
 */
public final class Rollout {
  private Rollout() {}

  /** The bucket, 0 to 99, of {@code entityId} for {@code flagName}. */
  public static int bucket(String flagName, String entityId) {
    byte[] h = sha256((entityId + flagName).getBytes(StandardCharsets.UTF_8));
    long value =
        ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
    return (int) (value % 100);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
