package dev.duro.processor.internal.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-wraps javadoc lines of generated source to 100 columns, as google-java-format would; JavaPoet
 * wraps code but never comments. Inline tags ({@code {@link ...}}) are never split, {@code <pre>}
 * blocks are left alone, and continuation lines of block tags are indented by four spaces.
 */
final class JavadocWrapper {
  static final int COLUMNS = 100;

  private static final Pattern DOC_LINE = Pattern.compile("^(\\s*\\* )(.*)$");

  private JavadocWrapper() {}

  static String wrap(String source) {
    StringBuilder out = new StringBuilder(source.length() + 256);
    boolean inPre = false;
    for (String line : source.split("\n", -1)) {
      Matcher m = DOC_LINE.matcher(line);
      if (m.matches() && !inPre && line.length() > COLUMNS && !m.group(2).contains("<pre>")) {
        wrapLine(m.group(1), m.group(2), out);
      } else {
        out.append(line).append('\n');
      }
      if (line.contains("<pre>")) {
        inPre = true;
      }
      if (line.contains("</pre>")) {
        inPre = false;
      }
    }
    out.setLength(out.length() - 1); // the split added one line break too many
    return out.toString();
  }

  private static void wrapLine(String prefix, String text, StringBuilder out) {
    String continuation = text.startsWith("@") ? prefix + "    " : prefix;
    StringBuilder line = new StringBuilder(prefix);
    boolean empty = true;
    for (String word : words(text)) {
      if (!empty && line.length() + 1 + word.length() > COLUMNS) {
        out.append(line).append('\n');
        line = new StringBuilder(continuation);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.append(line).append('\n');
  }

  /** Splits at spaces outside inline tags. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}
