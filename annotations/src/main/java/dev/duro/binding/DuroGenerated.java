package dev.duro.binding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks every type the Duro processor generates. CLASS retention (unlike {@code
 * javax.annotation.processing.Generated}) so bytecode tools such as coverage can skip them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DuroGenerated {}
