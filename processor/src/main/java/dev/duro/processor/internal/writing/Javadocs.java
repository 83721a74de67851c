package dev.duro.processor.internal.writing;

import com.palantir.javapoet.TypeName;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.RpcModel;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Javadoc fragments shared by generators. */
final class Javadocs {
  private Javadocs() {}

  /**
   * A user's {@code @Rpc} javadoc without its {@code @throws}/{@code @exception} tags: generated
   * stubs declare no checked exceptions, failures arrive as {@code DuroException}s instead.
   */
  static String withoutThrows(String doc) {
    List<String> kept = new ArrayList<>();
    boolean inThrows = false;
    for (String line : doc.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        inThrows = trimmed.startsWith("@throws") || trimmed.startsWith("@exception");
      }
      if (!inThrows) {
        kept.add(line);
      }
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
      kept.remove(kept.size() - 1);
    }
    return kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
  }

  /**
   * {@code doc} without the {@code @param} tag of parameter {@code name}: the stub's streaming
   * method has no sink parameter to document.
   */
  static String withoutParam(String doc, String name) {
    List<String> kept = new ArrayList<>();
    boolean inParam = false;
    for (String line : doc.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        String[] words = trimmed.split("\\s+", 3);
        inParam = words[0].equals("@param") && words.length > 1 && words[1].equals(name);
      }
      if (!inParam) {
        kept.add(line);
      }
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
      kept.remove(kept.size() - 1);
    }
    return kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
  }

  /** The main description of {@code doc}: the text before its first block tag, if any. */
  static String description(String doc) {
    int tags = blockTagsStart(doc);
    return doc.substring(0, tags).stripTrailing().isEmpty()
        ? ""
        : doc.substring(0, tags).stripTrailing() + "\n";
  }

  /** The block tags of {@code doc}, from the first one to the end; empty if none. */
  static String blockTags(String doc) {
    return doc.substring(blockTagsStart(doc));
  }

  private static int blockTagsStart(String doc) {
    int at = 0;
    for (String line : doc.split("\n", -1)) {
      if (line.strip().startsWith("@")) {
        return at;
      }
      at += line.length() + 1;
    }
    return doc.length();
  }

  /** Whether a javadoc text already ends in block tags, so no blank line is needed before more. */
  static boolean hasBlockTags(String doc) {
    for (String line : doc.split("\n")) {
      if (line.strip().startsWith("@")) {
        return true;
      }
    }
    return false;
  }

  /** {@code increment(long)}: the member part of a {@code {@link Type#member(...)}} reference. */
  static String memberReference(RpcModel rpc) {
    StringJoiner params = new StringJoiner(", ", rpc.name() + "(", ")");
    for (ParameterModel p : rpc.parameters()) {
      TypeName type = TypeNames.of(p.shape());
      // java.lang types resolve in javadoc without imports; keep references short.
      params.add(type.toString().replaceFirst("^java\\.lang\\.", ""));
    }
    return params.toString();
  }

  /**
   * {@code join(String, dev.duro.EventSink)}: a reference to the object's own method, whose last
   * parameter is the {@code EventSink} of a streaming method.
   */
  static String objectMemberReference(RpcModel rpc) {
    String stub = memberReference(rpc);
    if (!rpc.isStream()) {
      return stub;
    }
    String sink = "dev.duro.EventSink";
    return stub.substring(0, stub.length() - 1)
        + (rpc.parameters().isEmpty() ? "" : ", ")
        + sink
        + ")";
  }

  /**
   * Points {@code {@link #member}} references of a doc copied from the object class at that class:
   * in the stub they would name the stub's own members.
   */
  static String qualifyMemberLinks(String doc, String objectClass) {
    return doc.replace("{@link #", "{@link " + objectClass + "#")
        .replace("{@linkplain #", "{@linkplain " + objectClass + "#");
  }
}
