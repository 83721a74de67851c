package dev.duro.processor.internal.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocWrapperTest {
  @Test
  void wrapsLongDocLinesAtWordsKeepingInlineTagsWhole() {
    String word = "word ";
    String longLine = "  * " + word.repeat(18) + "{@link Foo#bar(long, int)} end";
    String wrapped = JavadocWrapper.wrap("class A {\n" + longLine + "\n}");
    assertEquals(
        "class A {\n"
            + "  * "
            + word.repeat(18).strip()
            + "\n  * {@link Foo#bar(long, int)} end\n}",
        wrapped);
  }

  @Test
  void blockTagContinuationsAreIndented() {
    String line = "   * @throws E " + "x".repeat(60) + " " + "y".repeat(40);
    assertEquals(
        "   * @throws E " + "x".repeat(60) + "\n   *     " + "y".repeat(40),
        JavadocWrapper.wrap(line));
  }

  @Test
  void leavesCodeShortLinesAndPreBlocksAlone() {
    String code = "    int x = " + "1 + ".repeat(30) + "1;";
    String pre = " * <pre>\n * " + "z ".repeat(60) + "\n * </pre>";
    String shortDoc = " * short";
    String source = code + "\n" + pre + "\n" + shortDoc;
    assertEquals(source, JavadocWrapper.wrap(source));
  }
}
