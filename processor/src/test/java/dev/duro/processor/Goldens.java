package dev.duro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected generated text, compared exactly, in {@code
 * src/test/resources/goldens/<TestClass>/<method>/<file>}. Run with {@code
 * -Dduro.updateGoldens=true} to rewrite them from the actual output, then review the diff.
 */
final class Goldens {
  private static final boolean UPDATE = Boolean.getBoolean("duro.updateGoldens");

  private Goldens() {}

  /** The source directory of goldens; surefire runs with the module as working directory. */
  static Path root() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(basedir, "src", "test", "resources", "goldens");
  }

  /**
   * Asserts that {@code actual} equals the golden {@code file} of {@code method} of {@code
   * testClass}; in update mode, writes it instead.
   */
  static void assertGolden(Class<?> testClass, String method, String file, String actual) {
    Path path = root().resolve(testClass.getSimpleName()).resolve(method).resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(path)) {
        fail("Missing golden " + path + "; run with -Dduro.updateGoldens=true to create it");
      }
      assertEquals(
          Files.readString(path, StandardCharsets.UTF_8),
          actual,
          "Generated "
              + file
              + " differs from golden "
              + path
              + " (run with -Dduro.updateGoldens=true to accept the change)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
