package dev.duro.processor.internal.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavadocsTest {
  @Test
  void throwsTagsAreDroppedWithTheirContinuationLines() {
    String doc =
        "Does it.\n\n@param a the a\n@throws IOException when\n    the disk fails\n"
            + "@return the result\n@exception Other never\n";
    assertEquals("Does it.\n\n@param a the a\n@return the result\n", Javadocs.withoutThrows(doc));
  }

  @Test
  void onlyThrowsLeavesNothing() {
    assertEquals("", Javadocs.withoutThrows("@throws X always\n"));
  }

  @Test
  void blockTagsAreDetected() {
    assertTrue(Javadocs.hasBlockTags("Text.\n\n@return x\n"));
    assertFalse(Javadocs.hasBlockTags("Text with an {@code @inline} mention.\n"));
  }

  @Test
  void theSinksParamTagIsDroppedWithItsContinuationLines() {
    String doc =
        "Joins.\n\n@param user who\n@param events the stream\n    of messages\n"
            + "@param eventsToo kept\n";
    assertEquals(
        "Joins.\n\n@param user who\n@param eventsToo kept\n", Javadocs.withoutParam(doc, "events"));
    assertEquals("", Javadocs.withoutParam("@param events only\n", "events"));
  }

  @Test
  void descriptionAndBlockTagsSplitAtTheFirstTag() {
    String doc = "Joins.\n\n<p>More.\n\n@param user who\n@return x\n";
    assertEquals("Joins.\n\n<p>More.\n", Javadocs.description(doc));
    assertEquals("@param user who\n@return x\n", Javadocs.blockTags(doc));
    assertEquals("", Javadocs.description("@param user who\n"));
    assertEquals("", Javadocs.blockTags("No tags.\n"));
  }

  @Test
  void memberLinksPointAtTheObjectClass() {
    assertEquals(
        "See {@link Counter#count} and {@linkplain Counter#get() get}, not {@link Other#x}.",
        Javadocs.qualifyMemberLinks(
            "See {@link #count} and {@linkplain #get() get}, not {@link Other#x}.", "Counter"));
  }
}
