package dev.duro.codec;

import dev.duro.DuroException;

/**
 * Bytes that do not decode as the expected message (truncated, a length past the end, a wrong wire
 * type for a known field), or a value that cannot be encoded. The message names the problem and the
 * field.
 */
public class CodecException extends DuroException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }
}
