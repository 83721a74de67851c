package dev.duro.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Runs javac with Duro's processors over test inputs from {@code src/test/resources/inputs}. */
final class Compilations {
  /**
   * Every lint but {@code processing}, which only says that nobody claimed {@code @Rpc} and friends
   * (Duro's processors deliberately do not claim them); the build uses the same set.
   */
  static final List<String> OPTIONS = List.of("-Xlint:all,-processing");

  private Compilations() {}

  /** The input {@code inputs/<name>.java}. */
  static JavaFileObject input(String name) {
    return JavaFileObjects.forResource("inputs/" + name + ".java");
  }

  /** Compiles the named inputs with both Duro processors. */
  static Compilation compile(String... names) {
    return compile(Arrays.stream(names).map(Compilations::input).toArray(JavaFileObject[]::new));
  }

  static Compilation compile(JavaFileObject... files) {
    return javac()
        .withProcessors(new DuroProcessor(), new BindingIndexProcessor())
        .withOptions(OPTIONS)
        .compile(files);
  }
}
