package dev.duro.samples.counter;

import dev.duro.grpc.DuroHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A host in its own JVM, for tests that kill it: {@code HostProcess <dataDir> <portFile>} starts a
 * host on an ephemeral port and writes the port to {@code portFile} once it serves.
 */
public final class HostProcess {
  private HostProcess() {}

  public static void main(String[] args) throws Exception {
    DuroHost host = DuroHost.builder().dataDirectory(Path.of(args[0])).port(0).build().start();
    Path portFile = Path.of(args[1]);
    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(host.port()), StandardCharsets.US_ASCII);
    Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
    host.awaitTermination();
  }
}
