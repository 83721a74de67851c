package dev.duro.samples.sidecar;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storage sidecar demo: a workflow crashes midway, a second run continues from the sidecar's
 * state without fetching a source twice, and an abandoned sidecar is cleared by its alarm.
 */
public final class SidecarDemo {
  private SidecarDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; waits about a fifth of a second for the expiry alarm.
   *
   * @throws IllegalStateException if the sidecar does not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    String entity = "entity-" + UUID.randomUUID().toString().substring(0, 8);
    StorageSidecarNamespace sidecars = StorageSidecarNamespace.of(invoker);
    StorageSidecarStub sidecar = sidecars.get(entity);
    List<ProcessingWorkflow.Source> sources =
        List.of(
            new ProcessingWorkflow.Source("crm", List.of("alice", "bob")),
            new ProcessingWorkflow.Source(
                "billing", List.of("invoice-1", "invoice-2", "invoice-3")));

    // A first run gets as far as the first source, then its driver dies.
    sidecar.put("status", "started");
    sidecar.appendOnce("fetch-crm", "rawData", List.of("crm:alice", "crm:bob"));
    // Its step was retried (the reply was lost): appendOnce adds nothing the second time.
    long length = sidecar.appendOnce("fetch-crm", "rawData", List.of("crm:alice", "crm:bob"));
    out.printf(
        "sidecar %s: the first run fetched crm (twice: %d records kept) and crashed%n",
        entity, length);
    check(length == 2, "a retried step appended again");

    // A second run of the workflow continues from what the sidecar holds.
    String published = new ProcessingWorkflow(sidecar).run(sources);
    out.println("  the second run published: " + published);
    check(
        published.equals(
            "5 records: crm:alice, crm:bob, billing:invoice-1, billing:invoice-2,"
                + " billing:invoice-3"),
        "wrong result: " + published);
    check(
        sidecar.all().equals(Map.of()) && sidecar.list("rawData").isEmpty(),
        "the sidecar was not cleared after publishing");
    out.println("  and cleared the sidecar");

    // A workflow that dies for good leaves its sidecar behind: the expiry alarm removes it.
    StorageSidecarStub orphan = sidecars.get(entity + "-orphan");
    orphan.put("status", "started");
    orphan.append("rawData", "crm:carol");
    orphan.expireAfter(200);
    out.println("  an abandoned sidecar, set to expire in 200 ms");
    await("the expiry", Duration.ofSeconds(10), () -> orphan.get("status").isEmpty());
    check(orphan.list("rawData").isEmpty(), "the expiry left the list");
    out.println("  alarm cleared the abandoned sidecar");
  }
}
