package dev.duro.samples.workflow;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of one workflow run (one object per run id): its ordered steps, the input, and
 * the output of every completed step. A driver calls {@link #next} for the step to run and {@link
 * #complete} with its output; each completion is durable before the driver hears back, so after a
 * crash a new driver continues at the first step not completed, with the earlier outputs, and never
 * runs a completed step again. {@link #fail} records a failed step; {@link #resume} makes it
 * runnable again.
 *
 * <p>The state lives beside the orchestration, as in seed 002's storage sidecar: outputs can be
 * larger than a workflow engine's step state would allow (up to one durable value in total). Once
 * completed, the run is kept for its retention period, then an alarm deletes it.
 */
@DurableObject("Workflow")
public class WorkflowCheckpoint {
  @Persist List<String> steps = new ArrayList<>();
  @Persist Map<String, String> input = new LinkedHashMap<>();
  @Persist Map<String, String> outputs = new LinkedHashMap<>();
  @Persist int attempt;
  @Persist String error;
  @Persist long retentionMillis;
  @Persist boolean completed;

  private final ObjectContext ctx;

  public WorkflowCheckpoint(ObjectContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Creates the run with {@code steps} (unique names, in order) and {@code input}, kept {@code
   * retentionMillis} after it completes. Creating it again with the same steps and input is
   * harmless and returns its current status, so a driver may always start with {@code create}.
   *
   * @throws IllegalArgumentException if {@code steps} is empty, has an empty or repeated name, or
   *     {@code retentionMillis} is negative
   * @throws IllegalStateException if the run exists with other steps or input
   */
  @Rpc
  public WorkflowStatus create(
      List<String> steps, Map<String, String> input, long retentionMillis) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a workflow needs at least one step");
    }
    if (new HashSet<>(steps).size() != steps.size() || steps.contains("")) {
      throw new IllegalArgumentException("step names must be non-empty and unique: " + steps);
    }
    if (retentionMillis < 0) {
      throw new IllegalArgumentException("retentionMillis must not be negative");
    }
    if (created()) {
      if (!this.steps.equals(steps) || !this.input.equals(input)) {
        throw new IllegalStateException(
            "workflow " + ctx.id() + " already exists with steps " + this.steps);
      }
      return resume();
    }
    this.steps = new ArrayList<>(steps);
    this.input = new LinkedHashMap<>(input);
    this.retentionMillis = retentionMillis;
    return status();
  }

  /**
   * Hands out the first step not completed, counting an attempt; empty when the run is completed.
   *
   * @throws IllegalStateException if the run was not created, or a step failed and the run was not
   *     resumed
   */
  @Rpc
  public Optional<StepTask> next() {
    requireCreated();
    if (error != null) {
      throw new IllegalStateException("step " + current() + " failed; resume the workflow first");
    }
    if (completed) {
      return Optional.empty();
    }
    attempt++;
    return Optional.of(
        new StepTask(current(), outputs.size(), attempt, Map.copyOf(input), Map.copyOf(outputs)));
  }

  /**
   * Records {@code output} as the checkpoint of {@code step}, the current step, and moves on; when
   * it is the last step, the run is completed. Completing an already completed step again changes
   * nothing (a driver retrying a lost reply), and its first output stays.
   *
   * @throws IllegalStateException if the run was not created or {@code step} is a later step
   */
  @Rpc
  public WorkflowStatus complete(String step, String output) {
    requireCreated();
    if (outputs.containsKey(step)) {
      return status();
    }
    if (completed || !step.equals(current())) {
      throw new IllegalStateException(
          "cannot complete " + step + ": the current step is " + current());
    }
    outputs.put(step, output);
    attempt = 0;
    error = null;
    if (outputs.size() == steps.size()) {
      completed = true;
      ctx.alarm().setIn(Duration.ofMillis(retentionMillis));
    }
    return status();
  }

  /**
   * Records that {@code step}, the current step, failed with {@code error}; {@link #next} refuses
   * until {@link #resume}.
   *
   * @throws IllegalStateException if the run was not created or {@code step} is not current
   */
  @Rpc
  public WorkflowStatus fail(String step, String error) {
    requireCreated();
    if (completed || !step.equals(current())) {
      throw new IllegalStateException("cannot fail " + step + ": the current step is " + current());
    }
    this.error = error;
    return status();
  }

  /**
   * Makes a failed run runnable again at its failed step, and returns the status a new driver
   * continues from: the completed steps' outputs and the next step.
   */
  @Rpc
  public WorkflowStatus resume() {
    error = null;
    return status();
  }

  /** The run's status, changing nothing. */
  @Rpc
  public WorkflowStatus status() {
    if (!created()) {
      return new WorkflowStatus(
          WorkflowPhase.NOT_CREATED, List.of(), 0, Optional.empty(), Map.of(), Optional.empty());
    }
    WorkflowPhase phase =
        completed
            ? WorkflowPhase.COMPLETED
            : error != null ? WorkflowPhase.FAILED : WorkflowPhase.RUNNING;
    return new WorkflowStatus(
        phase,
        List.copyOf(steps),
        outputs.size(),
        completed ? Optional.empty() : Optional.of(current()),
        Map.copyOf(outputs),
        Optional.ofNullable(error));
  }

  @Alarm
  void cleanUp() {
    if (completed) {
      steps = new ArrayList<>();
      input = new LinkedHashMap<>();
      outputs = new LinkedHashMap<>();
      attempt = 0;
      error = null;
      retentionMillis = 0;
      completed = false;
    }
  }

  private boolean created() {
    return !steps.isEmpty();
  }

  private void requireCreated() {
    if (!created()) {
      throw new IllegalStateException("workflow " + ctx.id() + " was not created");
    }
  }

  /** The first step without an output; completed steps are always a prefix of {@code steps}. */
  private String current() {
    return steps.get(Math.min(outputs.size(), steps.size() - 1));
  }
}
