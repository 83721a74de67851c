package dev.duro.samples.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a workflow run.
 *
 * @param phase where the run is
 * @param steps the step names, in order (empty if not created)
 * @param completedSteps how many of {@code steps} completed (they are always the first ones)
 * @param nextStep the first step not completed; empty when completed or not created
 * @param outputs the output of every completed step, by step name
 * @param error the failure of the current step while {@link WorkflowPhase#FAILED}; else empty
 */
public record WorkflowStatus(
    WorkflowPhase phase,
    List<String> steps,
    int completedSteps,
    Optional<String> nextStep,
    Map<String, String> outputs,
    Optional<String> error) {}
