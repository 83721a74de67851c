package dev.duro.samples.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * A driver for one workflow run: resumes it, then runs each step it is handed with the step's
 * handler and checkpoints the output, until the run completes or a step fails. Run it again after a
 * failure or a crash: completed steps are not run again.
 *
 * <p>Not thread-safe: one runner drives one run at a time.
 */
public final class WorkflowRunner {
  /** Runs one step; returns its output, or throws to fail it. */
  @FunctionalInterface
  public interface StepHandler {
    /** Runs {@code task}; the output becomes the step's checkpoint. */
    String run(StepTask task);
  }

  private final WorkflowCheckpointStub run;
  private final Map<String, StepHandler> handlers;

  /** A runner for {@code run} with a handler per step name. */
  public WorkflowRunner(WorkflowCheckpointStub run, Map<String, StepHandler> handlers) {
    this.run = run;
    this.handlers = Map.copyOf(handlers);
  }

  /**
   * Runs the remaining steps.
   *
   * @return the final status, {@link WorkflowPhase#COMPLETED}
   * @throws IllegalArgumentException if a step of the run has no handler (nothing ran)
   * @throws RuntimeException what a step's handler threw, after recording the failure in the run
   */
  public WorkflowStatus runToCompletion() {
    WorkflowStatus status = run.resume();
    for (String step : status.steps()) {
      if (!handlers.containsKey(step)) {
        throw new IllegalArgumentException("no handler for step " + step);
      }
    }
    for (Optional<StepTask> task = run.next(); task.isPresent(); task = run.next()) {
      StepTask t = task.get();
      String output;
      try {
        output = handlers.get(t.step()).run(t);
      } catch (RuntimeException e) {
        run.fail(t.step(), String.valueOf(e.getMessage()));
        throw e;
      }
      status = run.complete(t.step(), output);
    }
    return status;
  }
}
