package dev.duro.codec;

import dev.duro.DuroException;

/**
 * Bytes that do not decode as the expected message (truncated, a length past the end, nesting
 * deeper than {@link ProtoReader#MAX_DEPTH}, a wrong wire type for a known field), or a value that
 * cannot be encoded (a {@code null} where a value is required). The message names the problem and,
 * for values, the path to the culprit, such as {@code Order.items[2].price}.
 *
 * <p>Generated codecs build the path while the exception travels up: the innermost encoder reports
 * {@code .price}, each enclosing level prefixes its own segment with {@link #under(String)}. This
 * costs nothing unless a value fails.
 */
public class CodecException extends DuroException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String path;

  public CodecException(String message) {
    super(message);
    this.problem = message;
    this.path = "";
  }

  private CodecException(String problem, String path) {
    super(problem + " at " + path);
    this.problem = problem;
    this.path = path;
  }

  /**
   * A {@code null} found at {@code segment} (for example {@code .price} or {@code [2]}) where only
   * a value can be encoded.
   */
  public static CodecException nullValue(String segment) {
    return new CodecException(
        "Cannot encode null: only Optional values may be absent; use Optional or set a value",
        segment);
  }

  /** The path of the culprit, relative to the outermost value encoded; empty if none. */
  public String path() {
    return path;
  }

  /** This failure, seen from one level up: {@code segment} is prefixed to its path. */
  public CodecException under(String segment) {
    return new CodecException(problem, segment + path);
  }
}
