package dev.duro.samples.workflow;

import java.util.Map;

/**
 * A step handed to a driver by {@link WorkflowCheckpoint#next}.
 *
 * @param step the step's name
 * @param index its position among the workflow's steps, from 0
 * @param attempt 1 for the first time the step is handed out, then 2, 3... (a step handed out again
 *     was not completed: its driver crashed or failed)
 * @param input the workflow's input
 * @param outputs the outputs of the steps before it, by step name
 */
public record StepTask(
    String step, int index, int attempt, Map<String, String> input, Map<String, String> outputs) {}
