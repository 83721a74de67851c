package dev.duro.samples.workflow;

/** Where a workflow run is. */
public enum WorkflowPhase {
  /** Not created yet, or cleaned up after its retention period. */
  NOT_CREATED,
  /** Created; steps remain to be completed. */
  RUNNING,
  /** A step failed; {@link WorkflowCheckpoint#resume} makes it runnable again. */
  FAILED,
  /** Every step completed. */
  COMPLETED
}
