package dev.duro.grpc.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.duro.ObjectId;
import dev.duro.grpc.DuroClient;
import dev.duro.grpc.DuroHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Node.js client ({@code @grpc/grpc-js} + {@code @grpc/proto-loader}, versions pinned by the
 * committed {@code package-lock.json}) calls a real host knowing nothing but the {@code
 * Tally.proto} the processor generated: the schema and the wire protocol of package {@code
 * dev.duro.grpc} are enough for a client in another language.
 *
 * <p>The Node project lives in {@code target/node-client}; {@code npm ci} runs only when its {@code
 * node_modules} was not installed from the same lock file, so reruns do not touch the registry.
 * Needs {@code node} 18+ and {@code npm} on the {@code PATH} and, the first time, the npm registry;
 * {@code -Dduro.skipNode=true} skips the test instead.
 */
class NodeClientIT {
  private static final String SKIP_PROPERTY = "duro.skipNode";
  private static final String HOW_TO_SKIP =
      "Install Node.js 18+ (with npm), or skip this test with -D" + SKIP_PROPERTY + "=true.";
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> PROJECT_FILES =
      List.of("package.json", "package-lock.json", "client.js");

  /** The name the Node client addresses its counter by; it needs percent-encoding on the wire. */
  private static final String NAME = "café 50%";

  @TempDir Path data;

  /**
   * Copies the Node project to {@code target/node-client} and installs its dependencies. Called by
   * the test rather than from {@code @BeforeAll}, so that a skip is reported as a skipped test.
   */
  private static Path prepareNodeProject() throws Exception {
    checkNodeVersion();
    Path build = Path.of(System.getProperty("duro.buildDirectory", "target"));
    Path project = build.resolve("node-client").toAbsolutePath();
    Files.createDirectories(project);
    for (String file : PROJECT_FILES) {
      copyResource("node-client/" + file, project.resolve(file));
    }
    installDependencies(project);
    return project;
  }

  @Test
  void nodeClientCallsObjectThroughGeneratedProtoOnly() throws Exception {
    Assumptions.assumeFalse(
        Boolean.getBoolean(SKIP_PROPERTY), "Node.js client test skipped (-D" + SKIP_PROPERTY + ")");
    Path project = prepareNodeProject();

    // Only the generated file, extracted from the classpath: no hand-written schema exists.
    String protoPath = Tally.class.getName().replace('.', '/') + ".proto";
    Path proto = project.resolve("proto").resolve(protoPath);
    Files.createDirectories(proto.getParent());
    copyResource("META-INF/duro/" + protoPath, proto);

    try (DuroHost host =
            DuroHost.builder()
                .dataDirectory(data)
                .port(0)
                .bindings(List.of(new Tally_Binding()))
                .build()
                .start();
        DuroClient client = DuroClient.connect("127.0.0.1:" + host.port())) {
      TallyNamespace tallies = TallyNamespace.of(client);
      ObjectId unique = tallies.newUniqueId();

      Result nodeRun =
          runClient(
              project,
              List.of(
                  node(),
                  project.resolve("client.js").toString(),
                  Integer.toString(host.port()),
                  proto.toString(),
                  unique.toString()));
      try {
        assertOutcome(parse(nodeRun), tallies, unique);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nNode client: " + nodeRun.describe(), e);
      }
    }
  }

  /** What the Node client printed, and what a Java client sees afterwards. */
  private static void assertOutcome(Struct out, TallyNamespace tallies, ObjectId unique) {
    assertEquals(List.of("1", "3", "6"), strings(out, "increments"));
    assertEquals("6", string(out, "totalAfterIncrements"));

    List<Value> remembered = list(out, "remembered");
    assertEquals(1, remembered.size(), out.toString());
    Struct entry = remembered.get(0).getStructValue();
    assertEquals("from node ✓", string(entry, "label"));
    assertEquals("-42", string(entry, "amount"));
    Struct at = field(entry, "at").getStructValue();
    assertEquals("1700000000", string(at, "seconds"));
    assertEquals(123456789, (int) field(at, "nanos").getNumberValue());

    Struct failure = field(out, "failure").getStructValue();
    assertEquals(2, (int) field(failure, "code").getNumberValue(), failure.toString());
    assertEquals("UNKNOWN", string(failure, "codeName"));
    assertEquals("remote-failure", string(failure, "kind"));
    assertEquals("java.lang.IllegalStateException", string(failure, "type"));
    assertEquals("boom ü", string(failure, "message"));
    assertEquals("java.lang.IllegalStateException: boom ü", string(failure, "details"));
    assertEquals("6", string(out, "totalAfterFailure"));

    assertEquals("5", string(out, "byIdIncrement"));

    for (String refused : List.of("malformedId", "noId")) {
      Struct error = field(out, refused).getStructValue();
      assertEquals(3, (int) field(error, "code").getNumberValue(), refused + ": " + error);
      assertEquals("INVALID_ARGUMENT", string(error, "codeName"));
      assertEquals("invalid-request", string(error, "kind"));
    }
    assertTrue(
        string(field(out, "malformedId").getStructValue(), "details")
            .startsWith("Header x-duro-object-id"),
        out.toString());
    assertTrue(
        string(field(out, "noId").getStructValue(), "details").startsWith("Missing object address"),
        out.toString());

    // What Node did is seen the same way by a Java client: the percent-encoded name reached the
    // host as the same name, and the failed turn and the refused calls changed nothing.
    assertEquals(6L, tallies.get(NAME).total());
    assertEquals(5L, tallies.get(unique).total());
    assertEquals(
        List.of(
            new Tally.Entry(
                "from node ✓", -42, Instant.ofEpochSecond(1_700_000_000L, 123_456_789))),
        tallies.get("journal").entries());
  }

  private static void checkNodeVersion() throws Exception {
    Result version;
    try {
      version = run(List.of(node(), "--version"), null, Duration.ofSeconds(30));
    } catch (IOException e) {
      throw new AssertionError("Cannot run 'node' (" + e.getMessage() + "). " + HOW_TO_SKIP, e);
    }
    Matcher m = Pattern.compile("v(\\d+)\\.").matcher(version.stdout());
    if (version.exitCode() != 0 || !m.lookingAt() || Integer.parseInt(m.group(1)) < 18) {
      fail("Need node 18 or later, 'node --version' said: " + version.describe() + HOW_TO_SKIP);
    }
  }

  /**
   * Runs {@code npm ci} unless {@code node_modules} was installed from these very files: the stamp
   * holds their hash and is written only after a successful install.
   */
  private static void installDependencies(Path project) throws Exception {
    MessageDigest digest = sha256();
    digest.update(Files.readAllBytes(project.resolve("package.json")));
    digest.update(Files.readAllBytes(project.resolve("package-lock.json")));
    String hash = HexFormat.of().formatHex(digest.digest());
    Path stamp = project.resolve("node_modules").resolve(".duro-installed");
    if (Files.isRegularFile(stamp) && Files.readString(stamp, UTF_8).equals(hash)) {
      return;
    }
    List<String> command =
        List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
    Result install;
    try {
      install = run(command, project, NPM_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("Cannot run 'npm' (" + e.getMessage() + "). " + HOW_TO_SKIP, e);
    }
    if (install.exitCode() != 0) {
      fail(
          String.format(
              "'%s' failed: %s%s", String.join(" ", command), install.describe(), HOW_TO_SKIP));
    }
    Files.writeString(stamp, hash, UTF_8);
  }

  private static Result runClient(Path project, List<String> command) throws Exception {
    Result client = run(command, project, CLIENT_TIMEOUT);
    if (client.exitCode() != 0) {
      fail("Node client failed: " + client.describe());
    }
    return client;
  }

  private static Struct parse(Result client) {
    Struct.Builder out = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(client.stdout(), out);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("Node client printed no JSON object: " + client.describe(), e);
    }
    return out.build();
  }

  /** The outcome of a finished process; output goes to files, so a chatty process never blocks. */
  private record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return String.format(
          "exit code %d%n--- stdout ---%n%s%n--- stderr ---%n%s%n", exitCode, stdout, stderr);
    }
  }

  private static Result run(List<String> command, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("duro-node-out", ".txt");
    Path stderr = Files.createTempFile("duro-node-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      Process process = builder.start();
      process.getOutputStream().close(); // nothing to read: a prompt fails instead of hanging
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        fail(
            String.format(
                "'%s' did not finish within %s:%n%s",
                String.join(" ", command),
                timeout,
                new Result(-1, Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8))
                    .describe()));
      }
      return new Result(
          process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static String node() {
    return WINDOWS ? "node.exe" : "node";
  }

  private static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = NodeClientIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("Missing test resource " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Value field(Struct struct, String name) {
    Value v = struct.getFieldsMap().get(name);
    if (v == null) {
      throw new AssertionError("No field '" + name + "' in " + struct);
    }
    return v;
  }

  private static String string(Struct struct, String name) {
    Value v = field(struct, name);
    if (v.getKindCase() != Value.KindCase.STRING_VALUE) {
      throw new AssertionError("Field '" + name + "' is not a string: " + struct);
    }
    return v.getStringValue();
  }

  private static List<Value> list(Struct struct, String name) {
    ListValue list = field(struct, name).getListValue();
    return list.getValuesList();
  }

  private static List<String> strings(Struct struct, String name) {
    List<String> out = new ArrayList<>();
    for (Value v : list(struct, name)) {
      out.add(v.getStringValue());
    }
    return out;
  }
}
