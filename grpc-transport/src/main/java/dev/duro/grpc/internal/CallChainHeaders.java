package dev.duro.grpc.internal;

import dev.duro.InvalidRequestException;
import dev.duro.binding.CallContext;
import io.grpc.Context;
import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The call chain of a call made from inside a turn, in request header {@code x-duro-call-chain}:
 * the calling objects, outermost first, as {@code namespace/hex-id} separated by commas (plain
 * ASCII: namespace names are ASCII identifiers). The deadline travels as gRPC's own timeout.
 * Together they let the receiving host detect call cycles and skip calls whose caller gave up.
 */
final class CallChainHeaders {
  static final String CHAIN_HEADER = "x-duro-call-chain";
  static final Metadata.Key<String> CHAIN =
      Metadata.Key.of(CHAIN_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  /** The chain received with the current server call; empty if none. */
  static final Context.Key<List<String>> RECEIVED = Context.keyWithDefault("duro-chain", List.of());

  /** Longest accepted chain: a longer one is a runaway recursion, not a real call graph. */
  static final int MAX_DEPTH = 256;

  private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_.$-]{1,255}/[0-9a-f]{64}");

  private CallChainHeaders() {}

  static void write(Metadata headers, List<String> chain) {
    if (!chain.isEmpty()) {
      headers.put(CHAIN, String.join(",", chain));
    }
  }

  /**
   * The chain in {@code headers}; empty if absent.
   *
   * @throws InvalidRequestException if it is malformed or longer than {@value #MAX_DEPTH}
   */
  static List<String> read(Metadata headers) {
    String value = headers.get(CHAIN);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    String[] parts = value.split(",", -1);
    if (parts.length > MAX_DEPTH) {
      throw new InvalidRequestException(
          "Header " + CHAIN_HEADER + " has " + parts.length + " entries, over " + MAX_DEPTH);
    }
    List<String> chain = new ArrayList<>(parts.length);
    for (String p : parts) {
      if (!ENTRY.matcher(p).matches()) {
        throw new InvalidRequestException(
            "Header " + CHAIN_HEADER + ": malformed entry '" + p + "', expected namespace/hex-id");
      }
      chain.add(p);
    }
    return List.copyOf(chain);
  }

  /** The call context of the current server call: its received chain and gRPC deadline. */
  static CallContext serverContext(Context context) {
    return serverContext(RECEIVED.get(context), context);
  }

  /** The call context of a server call: {@code chain} and the gRPC deadline of {@code context}. */
  static CallContext serverContext(List<String> chain, Context context) {
    CallContext c = CallContext.of(chain);
    io.grpc.Deadline deadline = context.getDeadline();
    if (deadline != null) {
      c = c.withDeadlineNanoTime(System.nanoTime() + deadline.timeRemaining(TimeUnit.NANOSECONDS));
    }
    return c;
  }
}
