package dev.duro.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample's demo, run once through the entry point against a real host and client. */
class DemoIT {
  /** A line each demo prints only once it has seen its alarm (or its last check) work. */
  private static final Map<String, String> PROOF =
      Map.ofEntries(
          Map.entry("counter", "alarm fired"),
          Map.entry("ratelimit", "window ended, alarm cleaned it up"),
          Map.entry("circuitbreaker", "alarm fired: HALF_OPEN"),
          Map.entry("aggregator", "alarm flushed them in "),
          Map.entry("session", "alarm expired it"),
          Map.entry(
              "featureflags",
              "qa-team: Evaluation[flag=new-checkout, enabled=true, reason=ALLOWLISTED"),
          Map.entry("leader", "worker-a heartbeat refused"),
          Map.entry("workflow", "alarm cleaned up the completed run"),
          Map.entry("bank", "money conserved: 150"),
          Map.entry("cache", "every store purged"),
          Map.entry("budget", "cycle complete: spent 300000"),
          Map.entry("reactor", "4 decisions, 4 commands queued"),
          Map.entry("adaptive", "recovered from the circuit break: RUNNING"),
          Map.entry("sidecar", "alarm cleared the abandoned sidecar"),
          Map.entry("chat", "ann saw bob leave"));

  @TempDir Path dir;

  @Test
  void listsEverySampleOfTheIssue() {
    assertEquals(
        List.of(
            "counter",
            "ratelimit",
            "circuitbreaker",
            "aggregator",
            "session",
            "featureflags",
            "leader",
            "workflow",
            "bank",
            "cache",
            "budget",
            "reactor",
            "adaptive",
            "sidecar",
            "chat"),
        List.copyOf(Demo.samples().keySet()));
    String listing = capture(out -> Demo.list(out));
    for (String name : Demo.samples().keySet()) {
      assertTrue(listing.contains("  " + name + " "), listing);
    }
  }

  @Test
  void runsEveryDemoOnOneDataDirectory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Demo.run("all", dir, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    for (String name : Demo.samples().keySet()) {
      int start = text.indexOf("== " + name + "\n");
      assertTrue(start >= 0, "demo " + name + " did not run:\n" + text);
      assertTrue(text.indexOf(PROOF.get(name), start) > start, name + ":\n" + text);
    }
    // One at a time, again on the same directory: the counter continues from the first run.
    bytes.reset();
    Demo.run("counter", dir, out);
    Demo.run("leader", dir, out);
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(PROOF.get("leader")));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("-> 2"), bytes.toString());
  }

  @Test
  void unknownSampleIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Demo.run("nope", dir, System.out));
    assertTrue(e.getMessage().contains("ratelimit"), e.getMessage());
  }

  private interface Printer {
    void print(PrintStream out);
  }

  private static String capture(Printer printer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    printer.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
