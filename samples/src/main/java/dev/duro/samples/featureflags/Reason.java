package dev.duro.samples.featureflags;

/** Why a flag evaluated as it did. */
public enum Reason {
  /** No flag of that name: off. */
  NOT_FOUND,
  /** The flag is switched off: off. */
  DISABLED,
  /** The entity is on the blocklist: off. */
  BLOCKLISTED,
  /** The entity is on the allowlist: on. */
  ALLOWLISTED,
  /** The entity's bucket is below the rollout percentage: on. */
  ROLLOUT_INCLUDED,
  /** The entity's bucket is at or above the rollout percentage: off. */
  ROLLOUT_EXCLUDED
}
