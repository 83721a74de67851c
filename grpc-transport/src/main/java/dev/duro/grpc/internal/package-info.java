/**
 * Implementation of Duro's gRPC transport: method descriptors over raw bytes, object-id metadata,
 * the status and trailer mapping of errors, the server-side call handlers and the client invoker.
 * Not API: may change in any release.
 */
@NullMarked
package dev.duro.grpc.internal;

import org.jspecify.annotations.NullMarked;
