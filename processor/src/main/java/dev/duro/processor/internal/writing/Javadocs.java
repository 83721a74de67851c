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
   * Points {@code {@link #member}} references of a doc copied from the object class at that class:
   * in the stub they would name the stub's own members.
   */
  static String qualifyMemberLinks(String doc, String objectClass) {
    return doc.replace("{@link #", "{@link " + objectClass + "#")
        .replace("{@linkplain #", "{@linkplain " + objectClass + "#");
  }
}
