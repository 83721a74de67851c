/**
 * The storage sidecar of seed 002 (pattern 2): a {@link dev.duro.samples.sidecar.StorageSidecar}
 * per entity holds the state of the workflows that process it, so that state never travels through
 * the workflow's own step results.
 */
package dev.duro.samples.sidecar;
