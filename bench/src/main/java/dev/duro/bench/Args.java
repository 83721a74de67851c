package dev.duro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} options; every option has a default, so any subset may be given. */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  Args(String[] args) {
    for (String a : args) {
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        if (eq < 0) {
          values.put(a.substring(2), "true");
        } else {
          values.put(a.substring(2, eq), a.substring(eq + 1));
        }
      } else {
        positional.add(a);
      }
    }
  }

  List<String> positional() {
    return positional;
  }

  int integer(String name, int def) {
    String v = values.get(name);
    return v == null ? def : Integer.parseInt(v.replace("_", ""));
  }

  double decimal(String name, double def) {
    String v = values.get(name);
    return v == null ? def : Double.parseDouble(v);
  }

  String string(String name, String def) {
    return values.getOrDefault(name, def);
  }

  /** A comma-separated list of integers, such as {@code --windows=64,256}. */
  int[] integers(String name, int... def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    String[] parts = v.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i].trim().replace("_", ""));
    }
    return out;
  }

  /** Where data goes: {@code --dir}, else a new directory under the system temp directory. */
  Path dataRoot() throws java.io.IOException {
    String v = values.get("dir");
    Path root = v != null ? Path.of(v) : java.nio.file.Files.createTempDirectory("duro-bench-");
    java.nio.file.Files.createDirectories(root);
    return root;
  }
}
