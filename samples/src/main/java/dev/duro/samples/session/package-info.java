/**
 * Per-session state with a time to live (seeds 001 and 002, "Session Manager"): {@link
 * dev.duro.samples.session.SessionManager}. Runnable demo: {@link
 * dev.duro.samples.session.SessionDemo}.
 */
package dev.duro.samples.session;
