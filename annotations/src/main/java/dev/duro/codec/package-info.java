/**
 * Protobuf wire-format reading and writing used by generated code. No reflection and no Java
 * serialization: generated bindings and stubs call these classes directly.
 */
package dev.duro.codec;
