/**
 * Leader election with a time to live (seed 002, "Leader Election"): {@link
 * dev.duro.samples.leader.LeaderElection}. Runnable demo: {@link
 * dev.duro.samples.leader.LeaderElectionDemo}.
 */
package dev.duro.samples.leader;
