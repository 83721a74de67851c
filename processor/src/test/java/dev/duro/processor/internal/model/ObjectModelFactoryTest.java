package dev.duro.processor.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ObjectModelFactoryTest {
  @Test
  void docCommentsLoseCommonIndentationAndBlankEdges() {
    assertEquals(
        "Adds {@code by}.\n\n<pre>\n  indented\n</pre>\n@param by amount\n",
        ObjectModelFactory.normalizeDoc(
            "\n Adds {@code by}.\n\n <pre>\n   indented\n </pre>\n @param by amount  \n\n"));
  }
}
