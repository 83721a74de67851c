/**
 * Seed 001's chat room: an object per room keeps its connected members' event sinks in memory and
 * fans every message out to them as it commits; the history is durable.
 */
package dev.duro.samples.chat;
