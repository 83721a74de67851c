package dev.duro.samples.reactor;

/** What became of a decision. */
public enum DecisionResult {
  /** Made (its command, if any, is queued); no outcome reported yet. */
  PENDING,
  /** Its work succeeded. */
  SUCCESS,
  /** Its work failed. */
  FAILED
}
