package dev.duro.samples.bank;

/** How a transfer ended. */
public enum TransferStatus {
  /** The money moved: debited (confirmed) from the source, credited to the target. */
  COMPLETED,
  /** Nothing moved: the source could not pay, or the target refused and the hold was released. */
  FAILED
}
