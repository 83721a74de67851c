/** The JUnit 5 extension behind {@code @DuroTest}. Not API: may change in any release. */
@NullMarked
package dev.duro.testkit.internal;

import org.jspecify.annotations.NullMarked;
