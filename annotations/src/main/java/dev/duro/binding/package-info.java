/**
 * The contract between generated code and hosts. Not for hand-written code: generated classes
 * implement and call these types, and hosts consume them. May change in any release, in step with
 * the processor.
 */
package dev.duro.binding;
