package dev.duro.processor.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.processor.internal.model.DuroApi;
import org.junit.jupiter.api.Test;

class ObjectValidatorTest {
  @Test
  void suggestedNamespacesAreValid() {
    String[][] cases = {
      {"shopping cart", "shopping_cart"},
      {"1st", "_1st"},
      {"a..b", "a._.b"},
      {"Caf\u00e9.v2", "Caf_.v2"},
      {"Default$Name", "Default_Name"},
    };
    for (String[] c : cases) {
      String suggestion = ObjectValidator.suggestNamespace(c[0]);
      assertEquals(c[1], suggestion);
      assertTrue(DuroApi.NAMESPACE_PATTERN.matcher(suggestion).matches(), suggestion);
    }
  }
}
