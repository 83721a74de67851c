package dev.duro.grpc.internal;

import dev.duro.InvalidRequestException;
import dev.duro.ObjectId;
import dev.duro.binding.NamespaceKey;
import io.grpc.Metadata;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * The request metadata that addresses an object: exactly one of {@code x-duro-object-id} (64 hex
 * digits) or {@code x-duro-object-name} (the name, {@linkplain PercentEncoding percent-encoded}
 * UTF-8), both plain ASCII headers so that any gRPC tool can send them.
 */
final class ObjectIdHeaders {
  static final String ID_HEADER = "x-duro-object-id";
  static final String NAME_HEADER = "x-duro-object-name";

  static final Metadata.Key<String> ID =
      Metadata.Key.of(ID_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> NAME =
      Metadata.Key.of(NAME_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private ObjectIdHeaders() {}

  /**
   * Addresses {@code id} by its name (so the object sees the name it was called by; the host
   * derives the same id from it) if {@code byName} and the id remembers one, otherwise by hex.
   */
  static void write(Metadata headers, ObjectId id, boolean byName) {
    String name = byName ? id.name().orElse(null) : null;
    if (name != null) {
      headers.put(NAME, PercentEncoding.encode(name));
    } else {
      headers.put(ID, id.toString());
    }
  }

  /**
   * The object addressed by {@code headers} in namespace {@code key}.
   *
   * @throws InvalidRequestException if neither or both headers are present, a header is repeated,
   *     the hex or the percent-encoding is malformed, or the id belongs to another namespace
   */
  static ObjectId read(NamespaceKey key, Metadata headers) {
    String hex = single(headers, ID, ID_HEADER);
    String name = single(headers, NAME, NAME_HEADER);
    if (hex != null && name != null) {
      throw new InvalidRequestException(
          "Ambiguous object address: send either "
              + ID_HEADER
              + " or "
              + NAME_HEADER
              + ", not both");
    }
    if (hex != null) {
      try {
        return key.idFromString(hex);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("Header " + ID_HEADER + ": " + e.getMessage());
      }
    }
    if (name != null) {
      String decoded;
      try {
        decoded = PercentEncoding.decodeStrict(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("Header " + NAME_HEADER + ": " + e.getMessage());
      }
      return key.idFromName(decoded);
    }
    throw new InvalidRequestException(
        "Missing object address: send header "
            + ID_HEADER
            + " (64 hex digits) or "
            + NAME_HEADER
            + " (the object's name, percent-encoded UTF-8)");
  }

  private static @Nullable String single(Metadata headers, Metadata.Key<String> key, String name) {
    Iterable<String> values = headers.getAll(key);
    if (values == null) {
      return null;
    }
    Iterator<String> it = values.iterator();
    String value = it.next();
    if (it.hasNext()) {
      throw new InvalidRequestException("Header " + name + " must be sent once, got several");
    }
    return value;
  }
}
