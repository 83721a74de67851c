package dev.duro.grpc.internal;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a call's request headers address: the object ({@link ObjectIdHeaders}) and the chain. */
record ObjectAddress(ObjectId id, List<String> chain) {
  /**
   * Reads the address of {@code call} in namespace {@code key}; if the headers are invalid, closes
   * the call with the mapped status ({@code INVALID_ARGUMENT}) and returns null: nothing may run.
   */
  static @Nullable ObjectAddress readOrClose(
      NamespaceKey key, ServerCall<?, ?> call, Metadata headers) {
    try {
      return new ObjectAddress(ObjectIdHeaders.read(key, headers), CallChainHeaders.read(headers));
    } catch (InvalidRequestException e) {
      ErrorMapping.close(call, e);
      return null;
    }
  }
}
