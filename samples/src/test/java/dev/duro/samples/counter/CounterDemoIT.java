package dev.duro.samples.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterDemoIT {
  @Test
  void demoRunTwiceContinuesTheCountFromDisk(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    long first = Main.run(dir, print);
    long second = Main.run(dir, print);
    assertEquals(1, first);
    assertEquals(2, second);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("alarm fired"), text);
    assertTrue(text.contains("decrement below zero failed as expected"), text);
  }
}
