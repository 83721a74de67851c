package dev.duro.processor.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

  /** Formatting with the wrong number of arguments would become an internal error at run time. */
  @Test
  void everyMessageFormatsWithItsArgumentsAndStartsWithItsTag() {
    for (Message m : Message.values()) {
      String[] args = new String[placeholders(m)];
      for (int i = 0; i < args.length; i++) {
        args[i] = "<arg" + i + ">";
      }
      String text = m.format((Object[]) args);
      assertTrue(text.startsWith("[" + m.tag() + "] "), m + ": " + text);
      assertTrue(m.tag().matches("Duro[A-Z][A-Za-z]+"), m.tag());
      for (String arg : args) {
        assertTrue(text.contains(arg), m + " drops " + arg + ": " + text);
      }
      assertFalse(text.contains("%"), m + " has an unformatted placeholder: " + text);
    }
  }

  @Test
  void variantsOfOneRuleShareATag() {
    assertEquals(Message.ALARM_RETURN_TYPE.tag(), Message.ALARM_PARAMETERS.tag());
    assertEquals(Message.ALARM_RETURN_TYPE.tag(), Message.ALARM_MODIFIER.tag());
    assertEquals("DuroUnsupportedType", Message.UNSUPPORTED_FIELD_TYPE.tag());
    assertEquals(
        6,
        Arrays.stream(Message.values()).filter(m -> m.tag().equals("DuroUnsupportedType")).count());
    assertEquals(Message.EVENT_SINK_NOT_LAST.tag(), Message.EVENT_SINK_DUPLICATE.tag());
    assertEquals("DuroUnsupportedType", Message.UNSUPPORTED_EVENT_TYPE.tag());
  }

  @Test
  void modifierMessagesRepeatTheModifierInTheFix() {
    assertEquals(
        "[DuroAlarmSignature] @Alarm method C.ring() must not be static: the generated C_Binding"
            + " calls it on the object. Remove 'static'.",
        Message.ALARM_MODIFIER.format("C.ring()", "static", "C_Binding"));
  }

  private static int placeholders(Message m) {
    // %s takes the next argument; %n$s reuses an earlier one.
    int count = 0;
    Matcher matcher = PLACEHOLDER.matcher(m.rawFormat());
    while (matcher.find()) {
      if (matcher.group(1) == null) {
        count++;
      }
    }
    return count;
  }
}
