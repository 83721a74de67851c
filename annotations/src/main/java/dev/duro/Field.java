package dev.duro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the protobuf number of a record component or an enum constant, so that it stays stable when
 * components or constants are reordered.
 *
 * <p>Without it, a record component's field number is its position (the first component is field 1)
 * and an enum constant's number is its ordinal (the first constant is 0, which is also the value an
 * absent or unknown number decodes to). Numbers must be unique within the record or enum; record
 * field numbers must be between 1 and 536,870,911, excluding 19,000 to 19,999 (reserved by
 * protobuf); enum numbers must be non-negative, and one constant must have number 0.
 *
 * <p>To evolve a record compatibly, add components at the end or give new components new numbers;
 * never reuse the number of a removed component for a different type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Field {
  /** The field number (record component) or enum number (enum constant). */
  int value();
}
