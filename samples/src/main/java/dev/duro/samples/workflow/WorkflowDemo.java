package dev.duro.samples.workflow;

import static dev.duro.samples.DemoSupport.await;
import static dev.duro.samples.DemoSupport.check;

import dev.duro.binding.Invoker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The workflow demo: a step fails, the run resumes there, completes, and is cleaned up. */
public final class WorkflowDemo {
  private WorkflowDemo() {}

  /**
   * Runs the demo through {@code invoker} (a {@code DuroClient} to a host on the wall clock),
   * printing to {@code out}; takes about a quarter of a second, waiting for the clean-up.
   *
   * @throws IllegalStateException if the checkpoints do not behave as documented
   */
  public static void run(Invoker invoker, PrintStream out) throws InterruptedException {
    WorkflowCheckpointNamespace runs = WorkflowCheckpointNamespace.of(invoker);
    WorkflowCheckpointStub run = runs.get(runs.newUniqueId());
    run.create(List.of("fetch", "transform", "publish"), Map.of("source", "orders.csv"), 200);
    out.printf("workflow %s created%n", run.id());
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger transforms = new AtomicInteger();
    WorkflowRunner runner =
        new WorkflowRunner(
            run,
            Map.of(
                "fetch",
                t -> {
                  fetches.incrementAndGet();
                  return "42 rows from " + t.input().get("source");
                },
                "transform",
                t -> {
                  if (transforms.incrementAndGet() == 1) {
                    throw new IllegalStateException("worker crashed mid-transform");
                  }
                  return "42 rows normalised (attempt " + t.attempt() + ")";
                },
                "publish",
                t -> "published " + t.outputs().get("transform")));
    try {
      runner.runToCompletion();
    } catch (IllegalStateException e) {
      out.printf("first run stopped: %s -> %s%n", e.getMessage(), run.status());
    }
    WorkflowStatus done = runner.runToCompletion();
    out.printf("resumed at 'transform' and completed: %s%n", done.outputs());
    check(fetches.get() == 1, "the completed step 'fetch' ran again");
    check(done.phase() == WorkflowPhase.COMPLETED, "not completed: " + done);
    await(
        "the retention clean-up",
        Duration.ofSeconds(10),
        () -> run.status().phase() == WorkflowPhase.NOT_CREATED);
    out.println("alarm cleaned up the completed run after its retention");
  }
}
