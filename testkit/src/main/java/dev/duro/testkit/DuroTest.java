package dev.duro.testkit;

import dev.duro.testkit.internal.DuroExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) whose test and lifecycle methods may take a {@link
 * DuroTestKit} parameter. Each test method gets a fresh kit, created from the bindings registered
 * with the {@link java.util.ServiceLoader}; {@code @BeforeEach}/{@code @AfterEach} methods of the
 * same test receive the same kit; it is closed after the test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(DuroExtension.class)
public @interface DuroTest {}
