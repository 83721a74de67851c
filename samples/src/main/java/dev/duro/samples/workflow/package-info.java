/**
 * Workflow checkpoints (seed 002, "Storage Sidecar"; "Workflow state: transactional storage for
 * checkpoint/resume"): a {@link dev.duro.samples.workflow.WorkflowCheckpoint} object per workflow
 * run records which steps finished and what they produced, so a driver that crashed resumes at the
 * first unfinished step; {@link dev.duro.samples.workflow.WorkflowRunner} is such a driver.
 * Runnable demo: {@link dev.duro.samples.workflow.WorkflowDemo}.
 */
package dev.duro.samples.workflow;
