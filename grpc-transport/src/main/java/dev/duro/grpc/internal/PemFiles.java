package dev.duro.grpc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Reads PEM files for the TLS settings of hosts and clients. */
public final class PemFiles {
  private PemFiles() {}

  /**
   * The bytes of {@code file}, read now so a wrong path fails where it was configured.
   *
   * @throws UncheckedIOException naming {@code what} and the file if it cannot be read
   */
  public static byte[] read(Path file, String what) {
    Objects.requireNonNull(file, what);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the " + what + " from " + file + ": " + e, e);
    }
  }
}
