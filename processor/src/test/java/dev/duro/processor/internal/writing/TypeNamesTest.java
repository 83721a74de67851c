package dev.duro.processor.internal.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeShape;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class TypeNamesTest {
  /** The names are strings; a typo would only show when generated code fails to compile. */
  @Test
  void everyClassNameNamesARealClass() throws Exception {
    int checked = 0;
    for (Field f : TypeNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ClassName.class) {
        ClassName name = (ClassName) f.get(null);
        Class<?> c = Class.forName(name.reflectionName());
        assertEquals(name.canonicalName(), c.getCanonicalName());
        checked++;
      }
    }
    assertTrue(checked >= 20, "checked " + checked);
  }

  @Test
  void scalarTypesMapToTheirJavaTypes() {
    for (ScalarType t : ScalarType.values()) {
      TypeName name = TypeNames.of(new TypeShape.Scalar(t));
      assertEquals(t.javaName(), name.toString(), t.name());
      assertEquals(t.isPrimitive(), name.isPrimitive(), t.name());
    }
    assertEquals(TypeName.VOID, TypeNames.of(new TypeShape.VoidShape()));
  }
}
